package io.nasql.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One statement's Ctrl-C: made per statement and never reset, so an abandoned statement cannot
 * resume. Cooperative on purpose: no thread is interrupted, since a thread interrupted inside
 * H2's file I/O closes the database. Waits made through {@link #sleep} wake up on cancel.
 */
public final class CancelToken {
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final List<Runnable> hooks = new ArrayList<>();

    /** A registered hook, removed on close. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Cancels: the hooks run once, on the calling thread. A second call does nothing. */
    public void cancel() {
        List<Runnable> run;
        synchronized (this) {
            if (isCancelled()) {
                return;
            }
            cancelled.countDown();
            run = List.copyOf(hooks);
        }
        run.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /** Throws {@link CancelledException} once cancelled; a write loop calls it before each API call. */
    public void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** Runs {@code hook} on cancel (at once when already cancelled) until the registration is closed. */
    public Registration onCancel(Runnable hook) {
        synchronized (this) {
            if (!isCancelled()) {
                hooks.add(hook);
                return () -> {
                    synchronized (this) {
                        hooks.remove(hook);
                    }
                };
            }
        }
        hook.run();
        return () -> {
        };
    }

    /** Waits for {@code time} or until cancelled; true when cancelled. */
    public boolean sleep(Duration time) throws InterruptedException {
        return cancelled.await(time.toNanos(), TimeUnit.NANOSECONDS);
    }
}
