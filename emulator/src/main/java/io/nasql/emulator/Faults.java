package io.nasql.emulator;

import java.util.SplittableRandom;

/** Latency and random UNAVAILABLE, applied to each call. */
final class Faults {
    private final EmulatorConfig config;
    private final SplittableRandom random;

    Faults(EmulatorConfig config) {
        this.config = config;
        this.random = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
    }

    /** Delays, then throws UNAVAILABLE if this call draws it. */
    void apply() throws InterruptedException {
        if (!config.latency().isZero()) {
            Thread.sleep(config.latency().toMillis());
        }
        if (config.errorRate() > 0 && draw() < config.errorRate()) {
            throw ServiceError.UNAVAILABLE.of();
        }
    }

    private synchronized double draw() {
        return random.nextDouble();
    }
}
