package io.nasql.emulator;

import java.time.Duration;
import java.time.Instant;

/**
 * When a job moves on: QUEUED at creation, PENDING at {@code pendingAt}, RUNNING at
 * {@code runningAt}, and SUCCEEDED or FAILED at {@code endAt}. Search trials complete evenly
 * over {@code trialSpan} from {@code runningAt}; a failed job ends before its span is done.
 */
record Timeline(Instant createdAt, Instant pendingAt, Instant runningAt, Duration trialSpan, Instant endAt,
                boolean fails, String failureMessage) {

    /**
     * The timeline of a job created through the API: it runs for a minute and succeeds, or, with a
     * {@code failureMessage}, fails with it at the end of that minute.
     */
    static Timeline forCreated(Instant createdAt, String failureMessage) {
        Instant pending = createdAt.plusSeconds(5);
        Instant running = pending.plusSeconds(10);
        Duration span = Duration.ofSeconds(60);
        return new Timeline(createdAt, pending, running, span, running.plus(span), failureMessage != null, failureMessage);
    }
}
