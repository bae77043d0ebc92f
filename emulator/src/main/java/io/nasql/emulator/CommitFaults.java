package io.nasql.emulator;

import java.util.SplittableRandom;

/**
 * A fault that strikes after the service has acted: the job is created, and the caller is told
 * UNAVAILABLE anyway, as when a connection drops after the server committed. Tests of
 * duplicate-free creates need it; faults drawn before acting cannot show the problem.
 */
final class CommitFaults {
    private final SplittableRandom random;
    private volatile double rate;

    CommitFaults(long seed) {
        this.random = new SplittableRandom(seed ^ 0xC0FFEEL);
    }

    void setRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("the fail-after-commit rate must be between 0 and 1, not " + rate);
        }
        this.rate = rate;
    }

    /** The result of a call that has acted, or UNAVAILABLE in its place for the configured fraction of calls. */
    <R> R after(R result) {
        if (rate > 0 && draw() < rate) {
            throw ServiceError.UNAVAILABLE.of();
        }
        return result;
    }

    private synchronized double draw() {
        return random.nextDouble();
    }
}
