package io.nasql.shell.repl;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Shows text taller than the screen through a pager: {@code $PAGER}, or {@code less -SRF}. */
final class Pager {
    private final String command;

    Pager(String command) {
        this.command = command == null || command.isBlank() ? "less -SRF" : command;
    }

    /** Pages the text; false when the pager could not be started, so the caller prints it. */
    boolean page(String text) {
        try {
            Process pager = new ProcessBuilder("sh", "-c", command)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            try (Writer in = new OutputStreamWriter(pager.getOutputStream(), StandardCharsets.UTF_8)) {
                in.write(text);
            } catch (IOException e) {
                // the user quit the pager before reading everything
            }
            pager.waitFor();
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
