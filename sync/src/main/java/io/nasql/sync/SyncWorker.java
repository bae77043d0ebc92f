package io.nasql.sync;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who is syncing: a name unique to this run (host, process, a random part), its shard, and how
 * long its lease on a scope lasts without renewal: a crashed worker's scopes are free after that.
 */
public record SyncWorker(String id, Shard shard, Duration leaseTtl) {
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(5);

    public SyncWorker {
        if (leaseTtl.isNegative() || leaseTtl.isZero()) {
            throw new IllegalArgumentException("a lease lasts a positive time, not " + leaseTtl);
        }
    }

    /** The worker of this process. */
    public static SyncWorker local(Shard shard, Duration leaseTtl) {
        // ProcessHandle and ThreadLocalRandom, not the runtime MXBean and a UUID: those loaded JMX and seeded
        // SecureRandom, tens of milliseconds of every start (issue 14); the id need only differ between workers.
        return new SyncWorker(host() + ":" + ProcessHandle.current().pid() + ":"
                + String.format("%08x", ThreadLocalRandom.current().nextInt()), shard, leaseTtl);
    }

    public static SyncWorker local() {
        return local(Shard.ALL, DEFAULT_LEASE);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
