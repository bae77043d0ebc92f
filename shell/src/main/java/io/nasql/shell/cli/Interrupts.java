package io.nasql.shell.cli;

import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C and SIGTERM in batch mode: the first asks the running statement to stop, cooperatively,
 * so that a sync records what it finished and no thread is interrupted inside H2 (which would
 * close the database); a second one ends the process as usual.
 */
final class Interrupts implements AutoCloseable {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private Interrupts(Runnable stop) {
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal signal = new Signal(name);
                SignalHandler[] before = new SignalHandler[1];
                before[0] = Signal.handle(signal, s -> {
                    restore();
                    stop.run();
                });
                signals.add(signal);
                previous.add(before[0]);
            } catch (IllegalArgumentException e) {
                // a signal this platform does not have
            }
        }
    }

    /** Calls {@code stop} on the first Ctrl-C or SIGTERM until closed. */
    static Interrupts onFirst(Runnable stop) {
        return new Interrupts(stop);
    }

    private synchronized void restore() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
        signals.clear();
        previous.clear();
    }

    @Override
    public void close() {
        restore();
    }
}
