package io.nasql.emulator;

import com.google.cloud.aiplatform.v1.NasJob;
import com.google.protobuf.FieldMask;
import com.google.protobuf.util.FieldMaskUtil;

/**
 * ListNasJobs' {@code read_mask}: only the named fields of each job (proto field names, as a
 * FieldMask has them). An empty mask reads every field; a path that is not a field of NasJob is
 * INVALID_ARGUMENT naming it.
 */
final class ReadMask {
    private final FieldMask mask;

    private ReadMask(FieldMask mask) {
        this.mask = mask;
    }

    static ReadMask of(FieldMask mask) {
        for (String path : mask.getPathsList()) {
            if (!FieldMaskUtil.isValid(NasJob.class, FieldMask.newBuilder().addPaths(path).build())) {
                throw ServiceError.INVALID_READ_MASK.of(path);
            }
        }
        return new ReadMask(mask);
    }

    NasJob apply(NasJob job) {
        if (mask.getPathsCount() == 0) {
            return job;
        }
        NasJob.Builder read = NasJob.newBuilder();
        FieldMaskUtil.merge(mask, job, read);
        return read.build();
    }
}
