package io.nasql.sync;

import java.time.Duration;

/** Durations as messages write them: 90 ms, 45 s, 10 min, 2 h. */
final class Durations {
    private Durations() {
    }

    static String text(Duration d) {
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        long s = d.toSeconds();
        return s % 3600 == 0 ? s / 3600 + " h" : s % 60 == 0 ? s / 60 + " min" : s + " s";
    }
}
