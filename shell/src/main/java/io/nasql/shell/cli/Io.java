package io.nasql.shell.cli;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The process's standard streams and surroundings, handed in so that tests can run the whole
 * command line in process. Whether each stream is a terminal is decided for each on its own
 * ({@link TerminalStreams}).
 */
public record Io(InputStream in, PrintStream out, PrintStream err, boolean stdinIsTerminal, boolean stderrIsTerminal,
                 Map<String, String> env, Path home, boolean stdoutIsTerminal) {

    /** Streams whose stdout is not a terminal. */
    public Io(InputStream in, PrintStream out, PrintStream err, boolean stdinIsTerminal, boolean stderrIsTerminal,
              Map<String, String> env, Path home) {
        this(in, out, err, stdinIsTerminal, stderrIsTerminal, env, home, false);
    }

    /** Colour for what goes to stdout: a terminal that is not dumb, and no {@code NO_COLOR}. */
    public boolean colorOnStdout() {
        return stdoutIsTerminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
    }

    /** Results: stdout, buffered. */
    Writer results() {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /** Notices and progress: stderr, so they never mix with results. */
    PrintWriter notices() {
        return new PrintWriter(err, true);
    }
}
