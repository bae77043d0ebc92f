package io.nasql.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.NasJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeStagingTest {
    private static NasJob job(int i) {
        return NasJob.newBuilder().setName("projects/1/locations/l/nasJobs/" + i).setDisplayName("job " + "x".repeat(100)).build();
    }

    @Test
    void jobsPastTheMemoryBoundGoToAnOwnerOnlyFileAndComeBackInOrder() throws Exception {
        List<NasJob> all = new ArrayList<>();
        Path file;
        try (ScopeStaging staging = new ScopeStaging(1000)) {
            for (int i = 0; i < 50; i++) {
                NasJob job = job(i);
                all.add(job);
                staging.add(job);
            }
            assertThat(staging.spilledToDisk()).isTrue();
            assertThat(staging.size()).isEqualTo(50);
            file = Files.list(Path.of(System.getProperty("java.io.tmpdir")))
                    .filter(p -> p.getFileName().toString().startsWith("nasql-staging-"))
                    .filter(p -> p.toFile().lastModified() >= System.currentTimeMillis() - 60_000)
                    .findFirst().orElseThrow();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            List<NasJob> back = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            staging.forEachBatch(16, batch -> {
                sizes.add(batch.size());
                back.addAll(batch);
            });
            assertThat(back).isEqualTo(all);
            assertThat(sizes).allMatch(n -> n <= 16);
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void aSmallScopeStaysInMemory() {
        try (ScopeStaging staging = new ScopeStaging(1 << 20)) {
            staging.add(job(1));
            staging.add(job(2));
            assertThat(staging.spilledToDisk()).isFalse();
            List<NasJob> back = new ArrayList<>();
            staging.forEachBatch(500, back::addAll);
            assertThat(back).containsExactly(job(1), job(2));
        }
    }
}
