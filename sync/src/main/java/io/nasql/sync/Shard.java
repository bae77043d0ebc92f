package io.nasql.sync;

import io.nasql.db.ScopeKey;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * One of {@code count} shards of the scopes, numbered from 1: {@code nasql sync --shard 2/4}.
 * A scope belongs to shard {@code crc32("project/location") mod count + 1}, CRC-32 over the UTF-8
 * bytes: the same on every machine, JVM and run, so workers with the same count split the fleet
 * without talking to each other.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is K/N with 1 <= K <= N, not " + index + "/" + count);
        }
    }

    /** {@code K/N}, as the command line gives it. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/", -1);
        try {
            if (parts.length == 2) {
                return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // the message below says what a shard looks like
        }
        throw new IllegalArgumentException("a shard is K/N, e.g. 2/4 for the second of four, not " + text);
    }

    public boolean contains(ScopeKey scope) {
        return shardOf(scope, count) == index;
    }

    /** The shard, 1 to {@code count}, that a scope belongs to. */
    public static int shardOf(ScopeKey scope, int count) {
        CRC32 crc = new CRC32();
        crc.update((scope.projectsId() + "/" + scope.locationsId()).getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % count) + 1;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
