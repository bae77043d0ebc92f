package io.nasql.emulator;

import com.google.cloud.aiplatform.v1.AcceleratorType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The machine types custom training (and so a NAS trial) runs on, and the GPUs each family takes.
 * Source: Vertex AI "Configure compute resources for custom training" (machine types and GPUs).
 */
final class MachineTypes {
    private static final List<Pattern> KNOWN = List.of(
            Pattern.compile("e2-(standard|highmem|highcpu)-(2|4|8|16|32)"),
            Pattern.compile("n1-(standard|highmem|highcpu)-(2|4|8|16|32|64|96)"),
            Pattern.compile("n2-(standard|highmem|highcpu)-(2|4|8|16|32|48|64|80|96|128)"),
            Pattern.compile("n2d-(standard|highmem|highcpu)-(2|4|8|16|32|48|64|80|96|128|224)"),
            Pattern.compile("c2-standard-(4|8|16|30|60)"),
            Pattern.compile("c2d-(standard|highmem|highcpu)-(2|4|8|16|32|56|112)"),
            Pattern.compile("m1-ultramem-(40|80|160)"),
            Pattern.compile("a2-highgpu-(1|2|4|8)g"),
            Pattern.compile("a2-megagpu-16g"),
            Pattern.compile("a2-ultragpu-(1|2|4|8)g"),
            Pattern.compile("a3-highgpu-(1|2|4|8)g"),
            Pattern.compile("a3-megagpu-8g"),
            Pattern.compile("a3-ultragpu-8g"),
            Pattern.compile("a4-highgpu-8g"),
            Pattern.compile("g2-standard-(4|8|12|16|24|32|48|96)"),
            Pattern.compile("ct5lp-hightpu-(1|4|8)t"),
            Pattern.compile("cloud-tpu"));

    private static final Set<AcceleratorType> N1_GPUS = EnumSet.of(AcceleratorType.NVIDIA_TESLA_K80,
            AcceleratorType.NVIDIA_TESLA_P100, AcceleratorType.NVIDIA_TESLA_V100, AcceleratorType.NVIDIA_TESLA_P4,
            AcceleratorType.NVIDIA_TESLA_T4);
    private static final Map<String, Set<AcceleratorType>> GPUS_BY_FAMILY = Map.ofEntries(
            Map.entry("n1-", N1_GPUS),
            Map.entry("a2-highgpu-", EnumSet.of(AcceleratorType.NVIDIA_TESLA_A100)),
            Map.entry("a2-megagpu-", EnumSet.of(AcceleratorType.NVIDIA_TESLA_A100)),
            Map.entry("a2-ultragpu-", EnumSet.of(AcceleratorType.NVIDIA_A100_80GB)),
            Map.entry("a3-highgpu-", EnumSet.of(AcceleratorType.NVIDIA_H100_80GB)),
            Map.entry("a3-megagpu-", EnumSet.of(AcceleratorType.NVIDIA_H100_MEGA_80GB)),
            Map.entry("a3-ultragpu-", EnumSet.of(AcceleratorType.NVIDIA_H200_141GB)),
            Map.entry("a4-highgpu-", EnumSet.of(AcceleratorType.NVIDIA_B200)),
            Map.entry("g2-", EnumSet.of(AcceleratorType.NVIDIA_L4)),
            Map.entry("ct5lp-", EnumSet.of(AcceleratorType.TPU_V5_LITEPOD)),
            Map.entry("cloud-tpu", EnumSet.of(AcceleratorType.TPU_V2, AcceleratorType.TPU_V3, AcceleratorType.TPU_V4_POD)));

    private MachineTypes() {
    }

    static boolean known(String machineType) {
        return KNOWN.stream().anyMatch(p -> p.matcher(machineType).matches());
    }

    /** Whether a known machine type takes this accelerator. */
    static boolean takes(String machineType, AcceleratorType accelerator) {
        return GPUS_BY_FAMILY.entrySet().stream()
                .anyMatch(e -> machineType.startsWith(e.getKey()) && e.getValue().contains(accelerator));
    }

    /** An accelerator that a machine type takes, for seed data: the n-th of its family's, or none. */
    static AcceleratorType compatible(String machineType, int n) {
        return GPUS_BY_FAMILY.entrySet().stream()
                .filter(e -> machineType.startsWith(e.getKey()))
                .map(e -> e.getValue().stream().filter(a -> a != AcceleratorType.NVIDIA_TESLA_K80).toList())
                .findFirst()
                .map(list -> list.get(Math.floorMod(n, list.size())))
                .orElse(AcceleratorType.ACCELERATOR_TYPE_UNSPECIFIED);
    }
}
