package io.nasql.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.nasql.db.FileCompaction;
import io.nasql.db.PrivateFiles;
import io.nasql.shell.error.ExitCodes;
import io.nasql.shell.report.ReportCatalog;
import io.nasql.shell.report.ReportFolders;
import io.nasql.shell.repl.InputReader;
import io.nasql.shell.repl.Repl;
import io.nasql.shell.repl.SqlCompleter;
import io.nasql.shell.repl.StatusBar;
import io.nasql.shell.statement.ProgressSink;
import io.nasql.shell.statement.Setting;
import io.nasql.shell.statement.ResourceCatalog;
import io.nasql.shell.statement.TemplateRenderer;
import io.nasql.shell.statement.Variables;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The REPL on the process's terminal: the input reader is made first, so a bulk write can ask its question there. */
final class InteractiveMode {
    private final GlobalOptions options;
    private final Io io;
    private final Demo demo;

    InteractiveMode(GlobalOptions options, Io io, Demo demo) {
        this.options = options;
        this.io = io;
        this.demo = demo;
    }

    int run() throws IOException {
        Map<String, JsonNode> variables = Variables.load(options.varFiles(), options.vars());
        ConfigFile file = options.settingsFile(io);
        options.warnAboutPermissions(io, file, demo);
        SessionConfig config = options.sessionConfig(io, file, demo, null);
        // A session lives long and may write (INSERT, DELETE, SYNC): it keeps its file level, as a sync does.
        FileCompaction.allow(FileCompaction.AT_CLOSE, FileCompaction.LEVEL);
        try (Terminal terminal = TerminalBuilder.builder().system(true).build();
             Wiring wiring = new Wiring(config, options.settings(file, io), Clock.systemUTC())) {
            PrintWriter notices = terminal.writer();
            ProgressSink progress = StatusBar.of(terminal);
            if (demo != null && !demo.firstSync(wiring.syncs(progress), config, notices, options.errors(io), true)) {
                return ExitCodes.FAILED;
            }
            PrivateFiles.createFolder(config.folder());
            boolean color = !io.env().containsKey("NO_COLOR") && !terminal.getType().startsWith(Terminal.TYPE_DUMB);
            // Results go where stdout goes: into a pipe (nasql | less) without colour, the prompt staying on the terminal.
            Writer results = io.stdoutIsTerminal() ? null : io.results();
            wiring.settings().set(Setting.COLOR, color && results == null);
            InputReader input = new InputReader(terminal, new SqlCompleter(wiring.inventory(), ResourceCatalog.load()), color,
                    config.folder().resolve("history"), wiring.inventory().backend());
            Wiring.FrontEnd front = new Wiring.FrontEnd(notices, progress, input::confirm,
                    () -> ReportCatalog.load(ReportFolders.of(io.home())), variables);
            return new Repl(new Repl.Parts(terminal, input, wiring.engine(front), new TemplateRenderer(variables), wiring.settings(),
                    wiring.inventory(), wiring.clock(), color, io.env().get("PAGER"), results)).run();
        }
    }
}
