package io.nasql.emulator;

import com.google.cloud.aiplatform.v1.AcceleratorType;
import com.google.cloud.aiplatform.v1.CustomJobSpec;
import com.google.cloud.aiplatform.v1.MachineSpec;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import com.google.rpc.BadRequest.FieldViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * What CreateNasJob checks beyond the REQUIRED annotations, each rule from a proto comment of
 * {@code nas_job.proto}, {@code custom_job.proto} or {@code machine_resources.proto}.
 */
final class JobSpecRules {
    static final String REQUIRED = "Required field is not set.";
    private static final String SPEC = "nas_job.nas_job_spec";
    private static final String ALGORITHM = SPEC + ".multi_trial_algorithm_spec";

    private JobSpecRules() {
    }

    static List<FieldViolation> violations(NasJob job) {
        List<FieldViolation> found = new ArrayList<>();
        if (!job.hasNasJobSpec()) {
            return found;
        }
        NasJobSpec spec = job.getNasJobSpec();
        // nas_algorithm_spec is a oneof with one member; it may be left out only to resume a job, which brings its own.
        if (!spec.hasMultiTrialAlgorithmSpec()) {
            if (spec.getResumeNasJobId().isEmpty()) {
                found.add(violation(ALGORITHM, REQUIRED));
            }
            return found;
        }
        var algorithm = spec.getMultiTrialAlgorithmSpec();
        // "Validation for this field is done at multi_trial_algorithm_spec field."
        if (!algorithm.hasMetric()) {
            found.add(violation(ALGORITHM + ".metric", REQUIRED));
        } else if (algorithm.getMetric().getMetricId().chars().anyMatch(Character::isWhitespace)) {
            found.add(violation(ALGORITHM + ".metric.metric_id", "Must not contain whitespaces."));
        }
        if (algorithm.hasSearchTrialSpec()) {
            var search = algorithm.getSearchTrialSpec();
            String at = ALGORITHM + ".search_trial_spec";
            if (search.getMaxTrialCount() < 0) {
                found.add(violation(at + ".max_trial_count", "Must be greater than 0."));
            }
            if (search.getMaxParallelTrialCount() < 0) {
                found.add(violation(at + ".max_parallel_trial_count", "Must be greater than 0."));
            } else if (search.getMaxTrialCount() > 0 && search.getMaxParallelTrialCount() > search.getMaxTrialCount()) {
                found.add(violation(at + ".max_parallel_trial_count", "Must be less than or equal to max_trial_count ("
                        + search.getMaxTrialCount() + ")."));
            }
            if (search.getMaxFailedTrialCount() < 0) {
                found.add(violation(at + ".max_failed_trial_count", "Must not be negative."));
            }
            machines(search.getSearchTrialJobSpec(), at + ".search_trial_job_spec", found);
        }
        if (algorithm.hasTrainTrialSpec()) {
            machines(algorithm.getTrainTrialSpec().getTrainTrialJobSpec(), ALGORITHM + ".train_trial_spec.train_trial_job_spec", found);
        }
        return found;
    }

    /** Every worker pool's machine: a known type, and GPUs that type takes, counted. */
    private static void machines(CustomJobSpec job, String at, List<FieldViolation> found) {
        for (int i = 0; i < job.getWorkerPoolSpecsCount(); i++) {
            String pool = at + ".worker_pool_specs[" + i + "]";
            var spec = job.getWorkerPoolSpecs(i);
            if (!spec.hasMachineSpec() || spec.getMachineSpec().getMachineType().isEmpty()) {
                // machine_resources.proto: "as part of WorkerPoolSpec this field is required".
                found.add(violation(pool + ".machine_spec.machine_type", REQUIRED));
                continue;
            }
            MachineSpec machine = spec.getMachineSpec();
            if (!MachineTypes.known(machine.getMachineType())) {
                found.add(violation(pool + ".machine_spec.machine_type", "Machine type \"" + machine.getMachineType() + "\" is not supported."));
                continue;
            }
            AcceleratorType accelerator = machine.getAcceleratorType();
            if (accelerator == AcceleratorType.UNRECOGNIZED) {
                found.add(violation(pool + ".machine_spec.accelerator_type", "Accelerator type is not supported."));
            } else if (accelerator != AcceleratorType.ACCELERATOR_TYPE_UNSPECIFIED) {
                if (!MachineTypes.takes(machine.getMachineType(), accelerator)) {
                    found.add(violation(pool + ".machine_spec.accelerator_type", "Accelerator \"" + accelerator.name()
                            + "\" is not supported for machine type \"" + machine.getMachineType() + "\"."));
                } else if (machine.getAcceleratorCount() <= 0) {
                    found.add(violation(pool + ".machine_spec.accelerator_count", "Must be greater than 0 when accelerator_type is set."));
                }
            } else if (machine.getAcceleratorCount() > 0) {
                found.add(violation(pool + ".machine_spec.accelerator_type", "Must be set when accelerator_count is greater than 0."));
            }
            if (spec.getReplicaCount() < 0) {
                found.add(violation(pool + ".replica_count", "Must not be negative."));
            }
        }
    }

    static FieldViolation violation(String field, String description) {
        return FieldViolation.newBuilder().setField(field).setDescription(description).build();
    }
}
