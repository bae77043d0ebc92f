package io.nasql.shell.repl;

import java.io.IOException;

/** The program that shows results taller than the screen: {@code $PAGER}, or {@code less -SRF}. */
final class Pager {
    private final String command;

    Pager(String command) {
        this.command = command == null || command.isBlank() ? "less -SRF" : command;
    }

    /** Starts the pager reading from a pipe; null when it cannot be started, so the caller prints instead. */
    Process start() {
        try {
            return new ProcessBuilder("sh", "-c", command)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            return null;
        }
    }
}
