package io.nasql.shell.repl;

import io.nasql.shell.output.OutputFormat;
import io.nasql.shell.statement.Setting;
import io.nasql.shell.statement.Settings;
import io.nasql.shell.statement.StatementKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The shell's own commands, which are not statements and need no {@code ;}. */
final class ReplCommands {
    static final List<String> NAMES = List.of("help", ".output", ".timing", ".tables", ".vertical", ".pager", ".editing", "exit", "quit", "\\q");

    /** The help: each statement kind's line comes from {@link StatementKind}, so a new verb is listed with no edit here. */
    static final String HELP = "Statements end with ; and may span lines:\n"
            + statementLines() + """
            End a statement with \\G instead of ; to show one field per line.
            Commands:
              help                          this text
              .output FORMAT                %s (the same setting as SET output and -o)
              .timing on|off                show how long each statement took
              .tables                       the resource and the local tables
              .vertical on|off              one field per line for every result
              .pager on|off                 page results taller than the screen ($PAGER, or less -SRF)
              .editing emacs|vi             the editing mode
              exit, quit, \\q, Ctrl-D        leave
            Ctrl-C cancels a running statement (writes stop before their next API call), or clears the line.
            Ctrl-R searches the history.
            """.formatted(OutputFormat.names("|"));

    /** One line per statement kind, SQL first. */
    private static String statementLines() {
        return Stream.concat(Stream.of(StatementKind.SQL), Arrays.stream(StatementKind.values()).filter(k -> k != StatementKind.SQL))
                .map(kind -> "  " + kind.usage() + "\n").collect(Collectors.joining());
    }

    /** The REPL's display switches, which last for the session. */
    static final class Display {
        boolean timing;
        boolean vertical;
        boolean paging = true;
    }

    /** What a command may ask of the REPL. */
    interface Shell {
        void runInput(String input);

        void editing(boolean vi);
    }

    private final Settings settings;
    private final Display display;
    private final Console console;

    ReplCommands(Settings settings, Display display, Console console) {
        this.settings = settings;
        this.display = display;
        this.console = console;
    }

    static boolean isCommand(String trimmed) {
        String first = trimmed.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        String bare = first.endsWith(";") ? first.substring(0, first.length() - 1) : first;
        return NAMES.contains(bare);
    }

    /** Runs a command; false when it asks to leave. */
    boolean run(String trimmed, Shell shell) {
        String[] words = trimmed.replaceAll(";$", "").trim().split("\\s+");
        String name = words[0].toLowerCase(Locale.ROOT);
        String arg = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "";
        switch (name) {
            case "exit", "quit", "\\q" -> {
                return false;
            }
            case "help" -> {
                console.screen().print(HELP);
                console.screen().flush();
            }
            case ".output" -> {
                try {
                    settings.set(Setting.OUTPUT, OutputFormat.parse(arg));
                    console.println("output " + arg);
                } catch (IllegalArgumentException e) {
                    console.error(e.getMessage());
                }
            }
            case ".timing" -> display.timing = onOff(arg, display.timing, ".timing");
            case ".vertical" -> display.vertical = onOff(arg, display.vertical, ".vertical");
            case ".pager" -> display.paging = onOff(arg, display.paging, ".pager");
            case ".editing" -> {
                if (arg.equals("vi") || arg.equals("emacs")) {
                    shell.editing(arg.equals("vi"));
                    console.println("editing " + arg);
                } else {
                    console.error(".editing takes emacs or vi");
                }
            }
            case ".tables" -> shell.runInput("SHOW RESOURCES IN google.aiplatform;");
            default -> console.error("unknown command " + name + ": try help");
        }
        return true;
    }

    private boolean onOff(String arg, boolean current, String name) {
        if (arg.isEmpty()) {
            console.println(name + " is " + (current ? "on" : "off"));
            return current;
        }
        if (!arg.equals("on") && !arg.equals("off")) {
            console.error(name + " takes on or off");
            return current;
        }
        console.println(name + " " + arg);
        return arg.equals("on");
    }
}
