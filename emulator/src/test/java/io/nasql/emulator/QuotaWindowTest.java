package io.nasql.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QuotaWindowTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstThatFitsTheLimitFitsWhereverItStarts() {
        QuotaWindow window = new QuotaWindow(Duration.ofMinutes(1), 3);
        long start = 59 * SECOND; // just before a minute multiple of the clock
        assertThat(window.take(start)).isTrue();
        assertThat(window.take(start + 2 * SECOND)).isTrue();
        assertThat(window.take(start + 30 * SECOND)).isTrue();
        assertThat(window.take(start + 59 * SECOND)).as("the fourth within a minute of the first").isFalse();
    }

    @Test
    void theWindowReopensAFullLengthAfterItOpened() {
        QuotaWindow window = new QuotaWindow(Duration.ofSeconds(10), 1);
        assertThat(window.take(-5 * SECOND)).isTrue();
        assertThat(window.take(5 * SECOND - 1)).isFalse();
        assertThat(window.take(5 * SECOND)).isTrue();
        assertThat(window.take(6 * SECOND)).isFalse();
    }
}
