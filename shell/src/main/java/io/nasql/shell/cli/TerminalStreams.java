package io.nasql.shell.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;

/**
 * Which of the process's standard streams are terminals, each decided on its own: {@code nasql | less}
 * still has its keyboard on stdin, and {@code nasql sync 2>log} must not get progress escape codes.
 * ({@code System.console()} answers only for stdin and stdout together.)
 */
public record TerminalStreams(boolean stdin, boolean stdout, boolean stderr) {
    private static final Pattern TTY = Pattern.compile("/dev/(pts/\\d+|tty\\w*|console)");

    /**
     * On Linux, where each descriptor in {@code /proc/self/fd} links to its device (under a millisecond);
     * elsewhere through JLine's native provider, or its {@code test -t} one (both cost ~100 ms to load);
     * where none can tell, {@code hasConsole} (what {@code System.console()} says, which only
     * {@code Main} may ask) for all three.
     */
    public static TerminalStreams detect(boolean hasConsole) {
        Path fds = Path.of("/proc/self/fd");
        if (Files.isDirectory(fds)) {
            return new TerminalStreams(isTty(fds.resolve("0")), isTty(fds.resolve("1")), isTty(fds.resolve("2")));
        }
        for (String name : new String[] {"jni", "exec"}) {
            try {
                TerminalProvider provider = TerminalProvider.load(name);
                return new TerminalStreams(provider.isSystemStream(SystemStream.Input), provider.isSystemStream(SystemStream.Output),
                        provider.isSystemStream(SystemStream.Error));
            } catch (Exception | LinkageError e) {
                // this provider cannot run here: try the next
            }
        }
        return new TerminalStreams(hasConsole, hasConsole, hasConsole);
    }

    private static boolean isTty(Path fd) {
        try {
            return TTY.matcher(Files.readSymbolicLink(fd).toString()).matches();
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
