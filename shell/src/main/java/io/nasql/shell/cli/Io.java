package io.nasql.shell.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process's standard streams and surroundings, handed in so that tests can run the whole
 * command line in process.
 */
public record Io(InputStream in, PrintStream out, PrintStream err, boolean stdinIsTerminal, boolean stderrIsTerminal,
                 Map<String, String> env, Path home) {
}
