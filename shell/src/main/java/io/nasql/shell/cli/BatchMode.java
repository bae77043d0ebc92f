package io.nasql.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.nasql.db.Backend;
import io.nasql.db.FileCompaction;
import io.nasql.shell.error.ErrorReporter;
import io.nasql.shell.error.ExitCodes;
import io.nasql.shell.report.ReportCatalog;
import io.nasql.shell.report.ReportFolders;
import io.nasql.shell.statement.BatchRunner;
import io.nasql.shell.statement.Execution;
import io.nasql.shell.statement.ProgressSink;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementEffects;
import io.nasql.shell.statement.StatementKind;
import io.nasql.shell.statement.StatementTokens;
import io.nasql.shell.statement.TemplateRenderer;
import io.nasql.shell.statement.Variables;
import io.nasql.shell.write.Confirmer;
import io.nasql.shell.write.Manifest;
import io.nasql.shell.write.ManifestVariables;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code -e}, {@code -f}, piped stdin and {@code --manifest}: runs the statements in order. Ctrl-C
 * (or SIGTERM) stops the running statement cleanly, no later one runs, and the exit code is 130.
 */
final class BatchMode {
    private final GlobalOptions options;
    private final Io io;
    private final Demo demo;

    BatchMode(GlobalOptions options, Io io, Demo demo) {
        this.options = options;
        this.io = io;
        this.demo = demo;
    }

    int run(List<Script> scripts) throws IOException {
        ErrorReporter errors = options.errors(io);
        Map<String, JsonNode> variables = Variables.load(options.varFiles(), options.vars());
        TemplateRenderer templates = new TemplateRenderer(variables);
        ConfigFile file = options.settingsFile(io);
        options.warnAboutPermissions(io, file, demo);
        SessionConfig config = options.sessionConfig(io, file, demo, null);
        List<List<Statement>> prepared = new ArrayList<>();
        Backend dialect = Backend.ofInventory(config.dbUrl());
        try {
            // Every script's templates are filled before the manifest and the first statement: a bad value anywhere runs nothing.
            for (Script script : scripts) {
                prepared.add(BatchRunner.prepare(script.text(), script.source(), templates, dialect));
            }
        } catch (RuntimeException e) {
            errors.report(e);
            return ExitCodes.FAILED;
        }
        if (options.manifest() != null || prepared.stream().flatMap(List::stream).anyMatch(BatchMode::writes)) {
            // As nasql sync: a file that only short writing runs touch would otherwise grow without bound.
            FileCompaction.allow(FileCompaction.AT_CLOSE, FileCompaction.LEVEL);
        }
        Writer out = io.results();
        PrintWriter notices = io.notices();
        ProgressSink progress = io.stderrIsTerminal() ? ProgressSink.line(notices) : ProgressSink.NONE;
        Wiring.FrontEnd front = new Wiring.FrontEnd(notices, progress, Confirmer.NOBODY,
                () -> ReportCatalog.load(ReportFolders.of(io.home())), variables);
        StatementTokens tokens = new StatementTokens();
        try (Wiring wiring = new Wiring(config, options.settings(file, io), Clock.systemUTC());
             Interrupts interrupts = Interrupts.onFirst(tokens::interrupt)) {
            if (demo != null && !demo.firstSync(wiring.syncs(progress), wiring.config(), notices, errors, false)) {
                return ExitCodes.FAILED;
            }
            boolean ok = true;
            if (options.manifest() != null) {
                ok = createFromManifest(wiring, front, tokens, out, errors);
            }
            BatchRunner runner = new BatchRunner(new BatchRunner.Parts(wiring.engine(front), wiring.settings(), out, tokens,
                    options.dryRun(), options.ignoreErrors(), errors::report));
            for (List<Statement> script : prepared) {
                if (!ok && !options.ignoreErrors() || tokens.interrupted()) {
                    break;
                }
                ok &= runner.run(script);
            }
            out.flush();
            return tokens.interrupted() ? ExitCodes.INTERRUPTED : ok ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    /** Whether a statement writes the inventory: SYNC, a write-through verb, or SQL that is not a query. */
    private static boolean writes(Statement statement) {
        return switch (StatementKind.of(statement.text(), statement.dialect())) {
            case INSERT_JOBS, DELETE_JOBS, EXEC, SYNC -> true;
            case SQL -> !StatementEffects.isQuery(statement.text(), statement.dialect());
            default -> false;
        };
    }

    private boolean createFromManifest(Wiring wiring, Wiring.FrontEnd front, StatementTokens tokens, Writer out, ErrorReporter errors) {
        try {
            String source = options.manifest().toString();
            JsonNode filled = ManifestVariables.fill(Manifest.read(Script.read(source), source), front.variables(), source);
            if (options.dryRun()) {
                out.write(Manifest.yaml(filled));
                out.flush();
                return true;
            }
            wiring.manifests(front).run(filled, source, front.variables(), new Execution(tokens.next(), wiring.settings(), out, false));
            return true;
        } catch (Exception e) {
            errors.report(e);
            return false;
        }
    }
}
