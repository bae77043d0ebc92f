package io.nasql.emulator;

import java.time.Instant;

/** The emulator's notion of now, which drives every job's lifecycle. */
@FunctionalInterface
public interface EmulatorClock {
    Instant now();

    /** Wall time, sped up by {@code speed} from the moment this clock is made. */
    static EmulatorClock system(double speed) {
        if (speed == 1.0) {
            return Instant::now;
        }
        Instant origin = Instant.now();
        long originNanos = System.nanoTime();
        return () -> origin.plusNanos((long) ((System.nanoTime() - originNanos) * speed));
    }
}
