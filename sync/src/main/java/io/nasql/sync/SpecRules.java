package io.nasql.sync;

import com.google.cloud.aiplatform.v1.AcceleratorType;
import com.google.cloud.aiplatform.v1.CustomJobSpec;
import com.google.cloud.aiplatform.v1.MachineSpec;
import com.google.cloud.aiplatform.v1.NasJob;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * CreateNasJob's rules beyond the REQUIRED annotations, from the comments of nas_job.proto,
 * custom_job.proto and machine_resources.proto, and custom training's machine types and GPUs.
 */
final class SpecRules {
    private static final String ALGORITHM = "nas_job.nas_job_spec.multi_trial_algorithm_spec";
    private static final Pattern MACHINE_TYPES = Pattern.compile(String.join("|",
            "e2-(standard|highmem|highcpu)-(4|8|16|32)", "n1-standard-(4|8|16|32|64|96)", "n1-highmem-(2|4|8|16|32|64|96)",
            "n1-highcpu-(16|32|64|96)", "n2-(standard|highmem|highcpu)-(4|8|16|32|48|64|80)", "c2-standard-(4|8|16|30|60)",
            "m1-ultramem-(40|80|160)", "a2-highgpu-(1|2|4|8)g", "a2-megagpu-16g", "a2-ultragpu-(1|2|4|8)g", "a3-highgpu-8g",
            "g2-standard-(4|8|12|16|24|32|48|96)", "cloud-tpu"));
    private static final Map<String, Set<AcceleratorType>> GPUS_BY_FAMILY = Map.of(
            "n1-", EnumSet.of(AcceleratorType.NVIDIA_TESLA_K80, AcceleratorType.NVIDIA_TESLA_P100, AcceleratorType.NVIDIA_TESLA_V100,
                    AcceleratorType.NVIDIA_TESLA_P4, AcceleratorType.NVIDIA_TESLA_T4),
            "a2-highgpu-", EnumSet.of(AcceleratorType.NVIDIA_TESLA_A100),
            "a2-megagpu-", EnumSet.of(AcceleratorType.NVIDIA_TESLA_A100),
            "a2-ultragpu-", EnumSet.of(AcceleratorType.NVIDIA_A100_80GB),
            "a3-highgpu-", EnumSet.of(AcceleratorType.NVIDIA_H100_80GB),
            "g2-", EnumSet.of(AcceleratorType.NVIDIA_L4),
            "cloud-tpu", EnumSet.of(AcceleratorType.TPU_V2, AcceleratorType.TPU_V3));

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
            if (!MACHINE_TYPES.matcher(type).matches()) {
                found.add(pool + ".machine_spec.machine_type: Machine type \"" + type + "\" is not supported.");
                continue;
            }
            AcceleratorType accelerator = machine.getAcceleratorType();
            if (accelerator == AcceleratorType.UNRECOGNIZED) {
                found.add(pool + ".machine_spec.accelerator_type: Accelerator type is not supported.");
            } else if (accelerator != AcceleratorType.ACCELERATOR_TYPE_UNSPECIFIED) {
                boolean takes = GPUS_BY_FAMILY.entrySet().stream().anyMatch(e -> type.startsWith(e.getKey()) && e.getValue().contains(accelerator));
                if (!takes) {
                    found.add(pool + ".machine_spec.accelerator_type: Accelerator \"" + accelerator.name()
                            + "\" is not supported for machine type \"" + type + "\".");
                } else if (machine.getAcceleratorCount() <= 0) {
                    found.add(pool + ".machine_spec.accelerator_count: Must be greater than 0 when accelerator_type is set.");
                }
            } else if (machine.getAcceleratorCount() > 0) {
                found.add(pool + ".machine_spec.accelerator_type: Must be set when accelerator_count is greater than 0.");
            }
            if (spec.getReplicaCount() < 0) {
                found.add(pool + ".replica_count: Must not be negative.");
            }
        }
    }
}
