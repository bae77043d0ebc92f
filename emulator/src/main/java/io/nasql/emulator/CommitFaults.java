package io.nasql.emulator;

import java.util.SplittableRandom;

/**
 * A fault that strikes after the service has acted: the job is created, and the caller is told
 * UNAVAILABLE anyway (or DEADLINE_EXCEEDED, INTERNAL), as when a connection drops or a deadline
 * passes after the server committed. Tests of duplicate-free creates need it; faults drawn before
 * acting cannot show the problem.
 */
final class CommitFaults {
    private final SplittableRandom random;
    private volatile double rate;
    private volatile ServiceError answer = ServiceError.UNAVAILABLE;

    CommitFaults(long seed) {
        this.random = new SplittableRandom(seed ^ 0xC0FFEEL);
    }

    void setRate(double rate) {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("the fail-after-commit rate must be between 0 and 1, not " + rate);
        }
        this.rate = rate;
    }

    /** The status the fault answers: UNAVAILABLE (the default), DEADLINE_EXCEEDED or INTERNAL, each a code after which the job may exist. */
    void setCode(String code) {
        this.answer = switch (code) {
            case "UNAVAILABLE" -> ServiceError.UNAVAILABLE;
            case "DEADLINE_EXCEEDED" -> ServiceError.DEADLINE_EXCEEDED;
            case "INTERNAL" -> ServiceError.INTERNAL_ERROR;
            default -> throw new IllegalArgumentException("a fail-after-commit fault answers UNAVAILABLE, DEADLINE_EXCEEDED or INTERNAL, not " + code);
        };
    }

    /** The result of a call that has acted, or the configured failure in its place for the configured fraction of calls. */
    <R> R after(R result) {
        if (rate > 0 && draw() < rate) {
            throw answer.of();
        }
        return result;
    }

    private synchronized double draw() {
        return random.nextDouble();
    }
}
