package io.nasql.emulator;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** What the emulator was asked: calls per method and the most calls in flight at once. */
public final class CallStats {
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();

    void started(String method) {
        calls.computeIfAbsent(method, m -> new AtomicLong()).incrementAndGet();
        int now = inFlight.incrementAndGet();
        peakInFlight.accumulateAndGet(now, Math::max);
    }

    void finished() {
        inFlight.decrementAndGet();
    }

    /** Calls of one method, by its short name, e.g. {@code GetNasJob}. */
    public long calls(String method) {
        AtomicLong n = calls.get(method);
        return n == null ? 0 : n.get();
    }

    public long totalCalls() {
        return calls.values().stream().mapToLong(AtomicLong::get).sum();
    }

    public int peakInFlight() {
        return peakInFlight.get();
    }

    public void reset() {
        calls.clear();
        peakInFlight.set(inFlight.get());
    }
}
