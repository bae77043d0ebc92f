package io.nasql.sync;

import com.google.cloud.aiplatform.v1.NasJob;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The jobs one scope fetched, kept until the scope completes, so that its rows are swapped in by
 * one short transaction instead of an open one across all its GetNasJob calls. The first
 * {@code memoryBytes} (serialized) stay in memory; the rest go to an owner-only temporary file,
 * so a scope of any size fits in a small heap. Closing it deletes the file.
 */
final class ScopeStaging implements AutoCloseable {
    private final long memoryBytes;
    private final List<NasJob> inMemory = new ArrayList<>();
    private long bytes;
    private Path file;
    private OutputStream out;
    private int spilled;

    ScopeStaging(long memoryBytes) {
        this.memoryBytes = memoryBytes;
    }

    void add(NasJob job) {
        int size = job.getSerializedSize();
        if (out == null && bytes + size <= memoryBytes) {
            inMemory.add(job);
            bytes += size;
            return;
        }
        try {
            if (out == null) {
                // createTempFile makes it rw------- on POSIX file systems.
                file = Files.createTempFile("nasql-staging-", ".pb");
                out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            }
            job.writeDelimitedTo(out);
            spilled++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage fetched jobs in a temporary file: " + e.getMessage(), e);
        }
    }

    int size() {
        return inMemory.size() + spilled;
    }

    /** Hands the staged jobs on in order, {@code batchSize} at a time. */
    void forEachBatch(int batchSize, Consumer<List<NasJob>> sink) {
        for (int start = 0; start < inMemory.size(); start += batchSize) {
            sink.accept(inMemory.subList(start, Math.min(inMemory.size(), start + batchSize)));
        }
        if (file == null) {
            return;
        }
        try {
            if (out != null) {
                out.close();
                out = null;
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                List<NasJob> batch = new ArrayList<>(batchSize);
                for (int i = 0; i < spilled; i++) {
                    batch.add(NasJob.parseDelimitedFrom(in));
                    if (batch.size() == batchSize) {
                        sink.accept(batch);
                        batch = new ArrayList<>(batchSize);
                    }
                }
                if (!batch.isEmpty()) {
                    sink.accept(batch);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staged jobs back: " + e.getMessage(), e);
        }
    }

    boolean spilledToDisk() {
        return file != null;
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Only a leftover temporary file: nothing of the inventory depends on it.
        }
    }
}
