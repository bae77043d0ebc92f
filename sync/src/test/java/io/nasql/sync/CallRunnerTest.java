package io.nasql.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.aiplatform.v1.ListNasJobsRequest;
import io.nasql.db.ScopeKey;
import io.nasql.emulator.EmulatorConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The backoff between retries wakes up when the statement's token is cancelled, without interrupting the thread. */
class CallRunnerTest {
    private static final ScopeKey SCOPE = new ScopeKey("proj-001", "us-central1");

    @Test
    void aCancelWakesTheBackoffAndNoFurtherAttemptIsMade() throws Exception {
        SyncOptions slowBackoff = SyncOptions.defaults().withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60));
        try (SyncFixture f = new SyncFixture(EmulatorConfig.empty().withSeedData(List.of("proj-001"), List.of("us-central1"), 1, 1)
                .withErrorRate(1.0), slowBackoff)) {
            CallRunner runner = new CallRunner(slowBackoff);
            CancelToken cancel = new CancelToken();
            var client = f.clients.forLocation("us-central1");
            ListNasJobsRequest request = ListNasJobsRequest.newBuilder().setParent("projects/proj-001/locations/us-central1").build();
            long start = System.nanoTime();
            CompletableFuture<Object> call = CompletableFuture.supplyAsync(() -> {
                try {
                    return runner.call(SCOPE, () -> client.listNasJobsCallable().call(request), true, cancel);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (f.emulator.stats().calls("ListNasJobs") < 1 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(100);
            cancel.cancel();
            assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(ApiCallException.class)
                    .cause().hasMessageContaining("not retried: cancelled");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(f.emulator.stats().calls("ListNasJobs")).isEqualTo(1);
        }
    }

    @Test
    void aCancelDuringTheRateLimitersWaitStartsNoCall() throws Exception {
        SyncOptions onePerMinute = SyncOptions.defaults().withConcurrency(1).withRate(1, 1).withBackoff(Duration.ofMillis(10), Duration.ofMillis(20));
        CallRunner runner = new CallRunner(onePerMinute);
        CancelToken cancel = new CancelToken();
        int[] calls = {0};
        runner.call(SCOPE, () -> ++calls[0], true, cancel);
        long start = System.nanoTime();
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.call(SCOPE, () -> ++calls[0], true, cancel);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);
        cancel.cancel();
        assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CancelledException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(calls[0]).as("the second call never started").isEqualTo(1);
    }

    @Test
    void aCancelInTheRateLimitersWaitAfterAFailedTryThrowsThatFailureNotANotAttempted() throws Exception {
        // One call a minute: the retry after a short backoff waits a minute for the limiter, and Ctrl-C comes in that wait.
        SyncOptions onePerMinute = SyncOptions.defaults().withConcurrency(1).withRate(1, 1).withBackoff(Duration.ofMillis(10), Duration.ofMillis(20));
        CallRunner runner = new CallRunner(onePerMinute);
        CancelToken cancel = new CancelToken();
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        CompletableFuture<Object> retried = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.submit(SCOPE, () -> {
                    calls.incrementAndGet();
                    throw com.google.api.gax.rpc.ApiExceptionFactory.createException(new io.grpc.StatusRuntimeException(io.grpc.Status.UNAVAILABLE),
                            com.google.api.gax.grpc.GrpcStatusCode.of(io.grpc.Status.Code.UNAVAILABLE), true);
                }, true, cancel);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        // Once the first try is under way: its failure is on its way, and the next try waits a minute.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (calls.get() < 1 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        cancel.cancel();
        // Wherever the cancel lands (backoff or limiter), the sent call's failure is what the caller sees.
        assertThatThrownBy(() -> retried.get(20, TimeUnit.SECONDS)).cause().isInstanceOf(ApiCallException.class)
                .hasMessageContaining("not retried: cancelled")
                .extracting(e -> ((ApiCallException) e).code()).isEqualTo("UNAVAILABLE");
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void aCancelledTokenStartsNoCallEvenWithoutAWait() {
        CallRunner runner = new CallRunner(SyncOptions.defaults());
        CancelToken cancel = new CancelToken();
        cancel.cancel();
        int[] calls = {0};
        assertThatThrownBy(() -> runner.call(SCOPE, () -> ++calls[0], true, cancel)).isInstanceOf(CancelledException.class);
        assertThat(calls[0]).isZero();
    }

    @Test
    void aTokenRunsItsHooksOnceAndNeverResets() {
        CancelToken token = new CancelToken();
        int[] runs = {0};
        token.onCancel(() -> runs[0]++);
        token.cancel();
        token.cancel();
        assertThat(runs[0]).isEqualTo(1);
        assertThat(token.isCancelled()).isTrue();
        token.onCancel(() -> runs[0]++);
        assertThat(runs[0]).as("a hook added after the cancel runs at once").isEqualTo(2);
        assertThatThrownBy(token::throwIfCancelled).isInstanceOf(CancelledException.class);
    }
}
