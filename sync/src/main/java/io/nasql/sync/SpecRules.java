package io.nasql.sync;

import com.google.cloud.aiplatform.v1.AcceleratorType;
import com.google.cloud.aiplatform.v1.CustomJobSpec;
import com.google.cloud.aiplatform.v1.MachineSpec;
import com.google.cloud.aiplatform.v1.NasJob;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * CreateNasJob's rules beyond the REQUIRED annotations, from the comments of nas_job.proto,
 * custom_job.proto and machine_resources.proto; machine and accelerator types by shape and by the proto's enum only.
 */
final class SpecRules {
    private static final String ALGORITHM = "nas_job.nas_job_spec.multi_trial_algorithm_spec";
    // Only the shape of a machine type (family-type[-size]): the service has the final say on which
    // exist where, and its list grows faster than a copy of it here would.
    private static final Pattern MACHINE_TYPE_SHAPE = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");

    private SpecRules() {
    }

    static List<String> problems(NasJob job) {
        List<String> found = new ArrayList<>();
        if (!job.hasNasJobSpec()) {
            return found;
        }
        var spec = job.getNasJobSpec();
        if (!spec.hasMultiTrialAlgorithmSpec()) {
            if (spec.getResumeNasJobId().isEmpty()) {
                found.add(ALGORITHM + ": " + JobValidator.REQUIRED);
            }
            return found;
        }
        var algorithm = spec.getMultiTrialAlgorithmSpec();
        if (!algorithm.hasMetric()) {
            found.add(ALGORITHM + ".metric: " + JobValidator.REQUIRED);
        } else if (algorithm.getMetric().getMetricId().chars().anyMatch(Character::isWhitespace)) {
            found.add(ALGORITHM + ".metric.metric_id: Must not contain whitespaces.");
        }
        if (algorithm.hasSearchTrialSpec()) {
            var search = algorithm.getSearchTrialSpec();
            String at = ALGORITHM + ".search_trial_spec";
            if (search.getMaxTrialCount() < 0) {
                found.add(at + ".max_trial_count: Must be greater than 0.");
            }
            if (search.getMaxParallelTrialCount() < 0) {
                found.add(at + ".max_parallel_trial_count: Must be greater than 0.");
            } else if (search.getMaxTrialCount() > 0 && search.getMaxParallelTrialCount() > search.getMaxTrialCount()) {
                found.add(at + ".max_parallel_trial_count: Must be less than or equal to max_trial_count ("
                        + search.getMaxTrialCount() + ").");
            }
            if (search.getMaxFailedTrialCount() < 0) {
                found.add(at + ".max_failed_trial_count: Must not be negative.");
            }
            machines(search.getSearchTrialJobSpec(), at + ".search_trial_job_spec", found);
        }
        if (algorithm.hasTrainTrialSpec()) {
            machines(algorithm.getTrainTrialSpec().getTrainTrialJobSpec(), ALGORITHM + ".train_trial_spec.train_trial_job_spec", found);
        }
        return found;
    }

    private static void machines(CustomJobSpec job, String at, List<String> found) {
        for (int i = 0; i < job.getWorkerPoolSpecsCount(); i++) {
            String pool = at + ".worker_pool_specs[" + i + "]";
            var spec = job.getWorkerPoolSpecs(i);
            if (!spec.hasMachineSpec() || spec.getMachineSpec().getMachineType().isEmpty()) {
                found.add(pool + ".machine_spec.machine_type: " + JobValidator.REQUIRED);
                continue;
            }
            MachineSpec machine = spec.getMachineSpec();
            String type = machine.getMachineType();
            if (!MACHINE_TYPE_SHAPE.matcher(type).matches()) {
                found.add(pool + ".machine_spec.machine_type: Machine type \"" + type + "\" is not supported.");
                continue;
            }
            AcceleratorType accelerator = machine.getAcceleratorType();
            if (accelerator == AcceleratorType.UNRECOGNIZED) {
                found.add(pool + ".machine_spec.accelerator_type: Accelerator type is not supported.");
            } else if (accelerator != AcceleratorType.ACCELERATOR_TYPE_UNSPECIFIED && machine.getAcceleratorCount() <= 0) {
                // Which machine takes which accelerator is the service's to say; a count is needed whatever the pair.
                found.add(pool + ".machine_spec.accelerator_count: Must be greater than 0 when accelerator_type is set.");
            } else if (accelerator == AcceleratorType.ACCELERATOR_TYPE_UNSPECIFIED && machine.getAcceleratorCount() > 0) {
                found.add(pool + ".machine_spec.accelerator_type: Must be set when accelerator_count is greater than 0.");
            }
            if (spec.getReplicaCount() < 0) {
                found.add(pool + ".replica_count: Must not be negative.");
            }
        }
    }
}
