package io.nasql.shell.repl;

import io.nasql.shell.ProgressSink;
import io.nasql.shell.Session;
import io.nasql.shell.cli.ErrorReporter;
import io.nasql.shell.output.OutputFormat;
import io.nasql.shell.statement.ResourceCatalog;
import io.nasql.shell.statement.Setting;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementEngine;
import io.nasql.shell.statement.StatementException;
import io.nasql.shell.statement.StatementSplitter;
import io.nasql.shell.statement.TemplateRenderer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;
import org.jline.widget.AutosuggestionWidgets;

/** The interactive shell: read a statement, run it with Ctrl-C to cancel, show its results. */
public final class Repl {
    private static final Pattern POSITION = Pattern.compile("^.*:(\\d+):(\\d+)$");

    private final Terminal terminal;
    private final Session session;
    private final RedirectableWriter results;
    private final StatementEngine engine;
    private final TemplateRenderer templates;
    private final LineReader reader;
    private final Pager pager;
    private final boolean color;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "nasql-statement");
        t.setDaemon(true);
        return t;
    });
    private boolean timing;
    private boolean vertical;
    private boolean paging = true;

    /** What a REPL is made of; {@code results} must be the writer the session prints to. */
    public record Parts(Terminal terminal, Session session, RedirectableWriter results, StatementEngine engine, TemplateRenderer templates,
                        Path historyFile, boolean color, String pagerCommand) {
    }

    public Repl(Parts parts) {
        this.terminal = parts.terminal();
        this.session = parts.session();
        this.results = parts.results();
        this.engine = parts.engine();
        this.templates = parts.templates();
        this.color = parts.color();
        this.pager = new Pager(parts.pagerCommand());
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("nasql")
                .parser(new StatementParser())
                .completer(new SqlCompleter(session, ResourceCatalog.load()))
                .highlighter(new SqlHighlighter(color, SqlCompleter.KEYWORDS))
                .history(new DefaultHistory())
                .variable(LineReader.HISTORY_FILE, parts.historyFile())
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "     -> ")
                .variable(LineReader.HISTORY_SIZE, 5000)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        if (!Terminal.TYPE_DUMB.equals(terminal.getType()) && !Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) {
            new AutosuggestionWidgets(reader).enable();
        }
    }

    /** JLine's status line at the bottom of the screen; a redrawn line where the terminal has none. */
    public static ProgressSink statusBar(Terminal terminal) {
        Status status = Status.getStatus(terminal);
        if (status == null) {
            return ProgressSink.line(terminal.writer());
        }
        return new ProgressSink() {
            @Override
            public void show(String line) {
                status.update(List.of(new AttributedString(line)));
            }

            @Override
            public void clear() {
                status.update(List.of());
            }
        };
    }

    /** Reads and runs until exit or Ctrl-D; returns the exit code. */
    public int run() {
        PrintWriter screen = terminal.writer();
        try {
            while (true) {
                String input;
                try {
                    input = reader.readLine(Prompt.text(session));
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                String trimmed = input.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (ReplCommands.isCommand(trimmed)) {
                    if (!command(trimmed, screen)) {
                        return 0;
                    }
                    continue;
                }
                runInput(input, screen);
            }
        } finally {
            worker.shutdownNow();
            try {
                reader.getHistory().save();
            } catch (java.io.IOException e) {
                screen.println("warning: history not saved: " + io.nasql.db.Secrets.mask(e.getMessage()));
            }
            screen.flush();
        }
    }

    /** Asks a yes/no question at the prompt, for bulk writes. */
    public boolean confirm(String question) {
        try {
            String answer = reader.readLine(question);
            return answer.trim().toLowerCase(Locale.ROOT).matches("y|yes");
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
        }
    }

    /** Runs a shell command; false when it asks to leave. */
    private boolean command(String trimmed, PrintWriter screen) {
        String[] words = trimmed.replaceAll(";$", "").trim().split("\\s+");
        String name = words[0].toLowerCase(Locale.ROOT);
        String arg = words.length > 1 ? words[1].toLowerCase(Locale.ROOT) : "";
        switch (name) {
            case "exit", "quit", "\\q" -> {
                return false;
            }
            case "help" -> screen.print(ReplCommands.HELP);
            case ".output" -> {
                try {
                    session.set(Setting.OUTPUT, OutputFormat.parse(arg));
                    screen.println("output " + arg);
                } catch (IllegalArgumentException e) {
                    error(screen, e.getMessage(), null);
                }
            }
            case ".timing" -> timing = onOff(arg, timing, ".timing", screen);
            case ".vertical" -> vertical = onOff(arg, vertical, ".vertical", screen);
            case ".pager" -> paging = onOff(arg, paging, ".pager", screen);
            case ".editing" -> {
                if (arg.equals("vi") || arg.equals("emacs")) {
                    reader.setKeyMap(arg.equals("vi") ? LineReader.VIINS : LineReader.EMACS);
                    screen.println("editing " + arg);
                } else {
                    error(screen, ".editing takes emacs or vi", null);
                }
            }
            case ".tables" -> runInput("SHOW RESOURCES IN google.aiplatform;", screen);
            default -> error(screen, "unknown command " + name + ": try help", null);
        }
        screen.flush();
        return true;
    }

    private boolean onOff(String arg, boolean current, String name, PrintWriter screen) {
        if (arg.isEmpty()) {
            screen.println(name + " is " + (current ? "on" : "off"));
            return current;
        }
        if (!arg.equals("on") && !arg.equals("off")) {
            error(screen, name + " takes on or off", null);
            return current;
        }
        screen.println(name + " " + arg);
        return arg.equals("on");
    }

    private void runInput(String input, PrintWriter screen) {
        String text = input.trim();
        boolean verticalOnce = text.endsWith("\\G");
        if (verticalOnce) {
            text = text.substring(0, text.length() - 2);
        }
        List<Statement> statements = StatementSplitter.split(text, "input");
        for (Statement statement : statements) {
            if (!runOne(statement, text, verticalOnce || vertical, screen)) {
                return;
            }
        }
    }

    /** Runs one statement in the worker so that Ctrl-C can cancel it; false when it failed. */
    private boolean runOne(Statement statement, String input, boolean oneFieldPerLine, PrintWriter screen) {
        StringWriter buffer = new StringWriter();
        results.redirect(buffer);
        Object format = session.setting(Setting.OUTPUT);
        if (oneFieldPerLine && format == OutputFormat.TABLE) {
            session.set(Setting.OUTPUT, OutputFormat.VERTICAL);
        }
        long start = System.nanoTime();
        Terminal.SignalHandler previous = null;
        try {
            Statement rendered = templates.render(statement);
            session.resetCancel();
            Future<?> running = worker.submit(() -> engine.execute(rendered, session));
            // The first Ctrl-C asks the statement to stop (SQL is cancelled, syncs and waits stop at their next step);
            // a second one abandons it. No thread is interrupted inside H2, which would close the database.
            previous = terminal.handle(Terminal.Signal.INT, signal -> {
                if (session.cancelRequested()) {
                    running.cancel(false);
                } else {
                    session.cancel();
                }
            });
            running.get();
            if (session.cancelRequested()) {
                error(screen, "cancelled", null);
                return false;
            }
            return true;
        } catch (CancellationException e) {
            error(screen, "cancelled", null);
            return false;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (session.cancelRequested()) {
                error(screen, "cancelled" + (cause instanceof StatementException s && s.getMessage().startsWith("cancelled while")
                        ? ": " + s.getMessage().substring("cancelled ".length()) : ""), null);
                return false;
            }
            error(screen, ErrorReporter.message(cause), cause instanceof StatementException s ? caret(s, input) : null);
            return false;
        } catch (StatementException e) {
            error(screen, ErrorReporter.message(e), null);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            if (previous != null) {
                terminal.handle(Terminal.Signal.INT, previous);
            }
            session.set(Setting.OUTPUT, format);
            results.redirect(terminal.writer());
            long elapsed = System.nanoTime() - start;
            show(buffer.toString(), screen);
            if (timing) {
                screen.printf("(%.3f s)%n", elapsed / 1e9);
            }
            screen.flush();
        }
    }

    /** Prints results, through the pager when they are taller than the screen. */
    private void show(String text, PrintWriter screen) {
        if (text.isEmpty()) {
            return;
        }
        int height = terminal.getHeight();
        long lines = text.chars().filter(c -> c == '\n').count();
        boolean dumb = terminal.getType().startsWith(Terminal.TYPE_DUMB);
        screen.flush();
        if (paging && !dumb && height > 0 && lines >= height - 1 && pager.page(text)) {
            return;
        }
        screen.print(text);
    }

    /** The input line an SQL error points into, with a caret under the column. */
    private static String caret(StatementException e, String input) {
        if (e.position() == null) {
            return null;
        }
        Matcher m = POSITION.matcher(e.position());
        if (!m.matches()) {
            return null;
        }
        String[] lines = input.split("\n", -1);
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        if (line < 1 || line > lines.length) {
            return null;
        }
        return lines[line - 1] + "\n" + " ".repeat(Math.max(0, column - 1)) + "^";
    }

    /** Every error line of the REPL; masked here too, since some come from exceptions nasql did not word. */
    private void error(PrintWriter screen, String message, String pointer) {
        String line = "error: " + io.nasql.db.Secrets.mask(message);
        screen.println(color ? "\u001b[31m" + line + "\u001b[0m" : line);
        if (pointer != null) {
            screen.println(pointer);
        }
        screen.flush();
    }
}
