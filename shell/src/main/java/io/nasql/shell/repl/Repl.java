package io.nasql.shell.repl;

import io.nasql.shell.backend.InventoryAccess;
import io.nasql.shell.statement.Settings;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementEngine;
import io.nasql.shell.statement.StatementSplitter;
import io.nasql.shell.statement.TemplateRenderer;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/** The interactive shell's loop: read input, run a command or the statements, until exit or Ctrl-D. */
public final class Repl {
    private final InputReader input;
    private final Console console;
    private final QueryRunner queries;
    private final ReplCommands commands;
    private final ReplCommands.Display display = new ReplCommands.Display();
    private final InventoryAccess inventory;
    private final Clock clock;

    /** What a REPL is made of. */
    public record Parts(Terminal terminal, InputReader input, StatementEngine engine, TemplateRenderer templates, Settings settings,
                        InventoryAccess inventory, Clock clock, boolean color, String pagerCommand, Writer results) {
        /** Results on the terminal, with the prompt. */
        public Parts(Terminal terminal, InputReader input, StatementEngine engine, TemplateRenderer templates, Settings settings,
                     InventoryAccess inventory, Clock clock, boolean color, String pagerCommand) {
            this(terminal, input, engine, templates, settings, inventory, clock, color, pagerCommand, null);
        }
    }

    public Repl(Parts parts) {
        this.input = parts.input();
        this.console = new Console(parts.terminal().writer(), parts.color());
        this.queries = new QueryRunner(parts.terminal(), parts.results(), parts.engine(), parts.templates(), parts.settings(), console,
                new Pager(parts.pagerCommand()));
        this.commands = new ReplCommands(parts.settings(), display, console);
        this.inventory = parts.inventory();
        this.clock = parts.clock();
    }

    /** Reads and runs until exit or Ctrl-D; returns the exit code. */
    public int run() {
        ReplCommands.Shell shell = new ReplCommands.Shell() {
            @Override
            public void runInput(String text) {
                Repl.this.runInput(text);
            }

            @Override
            public void editing(boolean vi) {
                input.editing(vi);
            }
        };
        try (QueryRunner running = queries) {
            while (true) {
                String line;
                try {
                    line = input.readLine(Prompt.text(inventory, clock));
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                String trimmed = line.trim();
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (ReplCommands.isCommand(trimmed)) {
                    if (!commands.run(trimmed, shell)) {
                        return 0;
                    }
                    continue;
                }
                runInput(line);
            }
        } finally {
            try {
                input.saveHistory();
            } catch (IOException e) {
                console.println("warning: history not saved: " + io.nasql.db.Secrets.mask(e.getMessage()));
            }
            console.screen().flush();
        }
    }

    private void runInput(String line) {
        String text = line.trim();
        boolean verticalOnce = text.endsWith("\\G");
        if (verticalOnce) {
            text = text.substring(0, text.length() - 2);
        }
        for (Statement statement : StatementSplitter.split(text, "input", inventory.backend())) {
            long start = System.nanoTime();
            boolean ok = queries.run(statement, text, verticalOnce || display.vertical, display.paging);
            if (display.timing) {
                console.println(String.format("(%.3f s)", (System.nanoTime() - start) / 1e9));
            }
            if (!ok) {
                return;
            }
        }
    }
}
