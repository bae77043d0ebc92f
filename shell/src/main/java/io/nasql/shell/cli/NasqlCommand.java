package io.nasql.shell.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.nasql.shell.Engines;
import io.nasql.shell.ProgressSink;
import io.nasql.shell.SyncRun;
import io.nasql.shell.Session;
import io.nasql.shell.SessionConfig;
import io.nasql.shell.output.OutputFormat;
import io.nasql.shell.report.ReportCatalog;
import io.nasql.shell.report.ReportFolders;
import io.nasql.shell.repl.RedirectableWriter;
import io.nasql.shell.repl.Repl;
import io.nasql.shell.statement.BatchRunner;
import io.nasql.shell.statement.Setting;
import io.nasql.shell.statement.StatementEngine;
import io.nasql.shell.statement.TemplateRenderer;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.Variables;
import io.nasql.shell.write.ManifestCreate;
import io.nasql.sync.ApiTarget;
import io.nasql.sync.SyncOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code nasql [OPTIONS] [COMMAND]}: the global options, and running statements. */
@Command(name = "nasql",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "An interactive SQL shell for Vertex AI NAS jobs (google.aiplatform.nas_jobs).",
        subcommands = {SyncCommand.class, ReportCommand.class, EmulatorCommand.class},
        footer = {"", "Settings are read from ~/.nasql/config.yaml (or --config FILE); flags override them.",
                "Exit codes: 0 success; 1 a statement or API call failed; 2 bad usage; 3 a sync finished with failed scopes."})
public final class NasqlCommand implements Callable<Integer> {
    @Option(names = "--db", paramLabel = "URL", description = "Inventory JDBC URL (default: H2 file ~/.nasql/google).")
    String db;

    @Option(names = "--config", paramLabel = "FILE", description = "Settings file (default: ~/.nasql/config.yaml when it exists).")
    Path configFile;

    @Option(names = "--demo", description = "Start an emulator with sample data and a throwaway inventory, sync it, and open the shell.")
    boolean demo;

    @Option(names = "--endpoint", paramLabel = "HOST:PORT",
            description = "One API endpoint for every location (default: {location}-aiplatform.googleapis.com:443).")
    String endpoint;

    @Option(names = "--plaintext", description = "No TLS and no credentials (for the emulator).")
    boolean plaintext;

    @Option(names = "--credentials", paramLabel = "FILE", description = "Service-account key (default: Application Default Credentials).")
    Path credentials;

    @Option(names = "--projects", split = ",", paramLabel = "ID", description = "Project ids in scope.")
    List<String> projects = new ArrayList<>();

    @Option(names = "--locations", split = ",", paramLabel = "LOCATION", description = "Locations in scope (default: ListLocations per project).")
    List<String> locations = new ArrayList<>();

    @Mixin
    ScopeOptions scope;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table, json, csv or text (default: table).")
    String output;

    @Option(names = {"-e", "--execute"}, paramLabel = "SQL", description = "Run the statements, then exit (repeatable).")
    List<String> execute = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "Run a script file, then exit; - reads stdin (repeatable).")
    List<String> files = new ArrayList<>();

    @Option(names = "--var", paramLabel = "KEY=VALUE", description = "A template variable for {{ KEY }} (repeatable).")
    List<String> vars = new ArrayList<>();

    @Option(names = "--vars", paramLabel = "FILE", description = "Template variables from a JSON or YAML file (repeatable).")
    List<Path> varFiles = new ArrayList<>();

    @Option(names = "--manifest", paramLabel = "FILE",
            description = "Create the NasJobs of a YAML manifest (the reference page's shape) in the scope of --var projectsId and locationsId.")
    Path manifest;

    @Option(names = "--yes", description = "Allow bulk writes in batch mode without asking.")
    boolean yes;

    @Option(names = "--dry-run", description = "Print the rendered statements and run nothing.")
    boolean dryRun;

    @Option(names = "--ignore-errors", description = "Go on after a failed statement (the exit code is still 1).")
    boolean ignoreErrors;

    @Option(names = "--verbose", description = "Log what the libraries do (Flyway, gRPC) to stderr.")
    boolean verbose;

    @Option(names = "--debug", description = "Print stack traces with errors; implies --verbose.")
    boolean debug;

    Io io;

    public void setIo(Io io) {
        this.io = io;
    }

    private ConfigFile config;
    private Demo demoEnvironment;

    /** The settings file, read once. */
    ConfigFile config() {
        if (config == null) {
            config = configFile != null ? ConfigFile.load(configFile, true)
                    : ConfigFile.load(io.home().resolve(".nasql").resolve("config.yaml"), false);
        }
        return config;
    }

    /** The session configuration: flags over the settings file over defaults; --demo over all. */
    SessionConfig sessionConfig(Integer concurrencyFlag) {
        ConfigFile file = config();
        int concurrency = concurrencyFlag != null ? concurrencyFlag
                : file.concurrency() != null ? file.concurrency() : SyncOptions.DEFAULT_CONCURRENCY;
        SyncOptions sync = SyncOptions.defaults().withConcurrency(concurrency);
        if (demoEnvironment != null) {
            return new SessionConfig(null, demoEnvironment.folder(), ApiTarget.emulator(demoEnvironment.endpoint()),
                    projects.isEmpty() ? Demo.PROJECTS : projects, locations.isEmpty() ? Demo.LOCATIONS : locations, sync, yes);
        }
        ApiTarget api = new ApiTarget(endpoint != null ? endpoint : file.endpoint(),
                plaintext || Boolean.TRUE.equals(file.plaintext()), credentials != null ? credentials : file.credentials());
        return new SessionConfig(db, io.home().resolve(".nasql"), api, projects.isEmpty() ? file.projects() : projects,
                locations.isEmpty() ? file.locations() : locations, sync, yes, scope.over(file.scope()));
    }

    /** Output format and max_age from the flags or the settings file. */
    void applySettings(Session session) {
        String format = output != null ? output : config().output();
        if (format != null) {
            session.set(Setting.OUTPUT, OutputFormat.parse(format));
        }
        if (config().maxAge() != null) {
            session.set(Setting.MAX_AGE, Setting.MAX_AGE.parseValue(config().maxAge()));
        }
    }

    ErrorReporter errors() {
        return new ErrorReporter(new PrintWriter(io.err(), true), debug, false);
    }

    Writer stdout() {
        return new BufferedWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8));
    }

    @Override
    public Integer call() throws Exception {
        List<Script> scripts = scripts();
        if (demo) {
            return inDemo(() -> run(scripts, true));
        }
        return run(scripts, false);
    }

    /** Runs the work with the demo's emulator and throwaway inventory, synced first. */
    <T> T inDemo(Callable<T> work) throws Exception {
        try (Demo environment = Demo.start()) {
            demoEnvironment = environment;
            return work.call();
        } finally {
            demoEnvironment = null;
        }
    }

    /** The demo's first sync, for a subcommand that runs in demo mode. */
    boolean demoSync(Session session) {
        return demoSync(session, errors(), false);
    }

    private int run(List<Script> scripts, boolean demoMode) throws IOException {
        if (scripts.isEmpty() && manifest == null) {
            return interactive(demoMode);
        }
        ErrorReporter errors = errors();
        Map<String, JsonNode> variables = Variables.load(varFiles, vars);
        StatementEngine engine = engine(variables);
        TemplateRenderer templates = new TemplateRenderer(variables);
        Writer out = stdout();
        PrintWriter notices = new PrintWriter(io.err(), true);
        try (Session session = new Session(sessionConfig(null), out, notices, question -> false, Clock.systemUTC())) {
            applySettings(session);
            if (io.stderrIsTerminal()) {
                session.setProgress(ProgressSink.line(notices));
            }
            if (demoMode) {
                if (!demoSync(session, errors, false)) {
                    return ExitCodes.FAILED;
                }
            }
            BatchRunner runner = new BatchRunner(engine, templates, dryRun, ignoreErrors, errors::report);
            boolean ok = true;
            try (Interrupts interrupts = Interrupts.onFirst(session::cancel)) {
                if (manifest != null) {
                    ok = createFromManifest(session, templates, variables, errors);
                }
                for (Script script : scripts) {
                    if (!ok && !ignoreErrors || session.cancelRequested()) {
                        break;
                    }
                    ok &= runner.run(script.text(), script.source(), session);
                }
            }
            out.flush();
            return ok && !session.cancelRequested() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private record Script(String text, String source) {
    }

    /** Every verb, with reports from the user's folders read when the first REPORT runs. */
    private StatementEngine engine(Map<String, JsonNode> variables) {
        return Engines.standard(() -> ReportCatalog.load(ReportFolders.of(io.home())), variables);
    }

    /** The REPL on the process's terminal. */
    private int interactive(boolean demoMode) throws IOException {
        Map<String, JsonNode> variables = Variables.load(varFiles, vars);
        StatementEngine engine = engine(variables);
        TemplateRenderer templates = new TemplateRenderer(variables);
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            RedirectableWriter results = new RedirectableWriter(terminal.writer());
            AtomicReference<Repl> repl = new AtomicReference<>();
            SessionConfig config = sessionConfig(null);
            try (Session session = new Session(config, results, terminal.writer(), q -> repl.get().confirm(q), Clock.systemUTC())) {
                applySettings(session);
                session.setProgress(Repl.statusBar(terminal));
                if (demoMode && !demoSync(session, errors(), true)) {
                    return ExitCodes.FAILED;
                }
                Path history = config.folder().resolve("history");
                Files.createDirectories(config.folder());
                boolean color = !io.env().containsKey("NO_COLOR") && !terminal.getType().startsWith(Terminal.TYPE_DUMB);
                repl.set(new Repl(new Repl.Parts(terminal, session, results, engine, templates, history, color, io.env().get("PAGER"))));
                return repl.get().run();
            }
        }
    }

    /** The demo's first sync, with progress, and the example queries when a person is watching. */
    private boolean demoSync(Session session, ErrorReporter errors, boolean showExamples) {
        PrintWriter notices = session.notices();
        notices.println("nasql demo: emulator on " + demoEnvironment.endpoint() + ", throwaway inventory in " + demoEnvironment.folder());
        try {
            var report = new SyncRun(session).scopes(session.config().projects(), session.config().locations());
            notices.print(SyncRun.summary(report));
        } catch (Exception e) {
            errors.report(e);
            return false;
        }
        if (showExamples) {
            notices.println("Try:");
            Demo.EXAMPLES.forEach(q -> notices.println("  " + q));
        }
        notices.flush();
        return true;
    }

    private boolean createFromManifest(Session session, TemplateRenderer templates, Map<String, JsonNode> variables,
                                       ErrorReporter errors) {
        try {
            String source = manifest.toString();
            String rendered = templates.render(new Statement(read(source), source, 1, 1)).text();
            if (dryRun) {
                session.out().write(rendered);
                session.out().flush();
                return true;
            }
            ManifestCreate.run(session, rendered, source, variables);
            return true;
        } catch (Exception e) {
            errors.report(e);
            return false;
        }
    }

    private List<Script> scripts() throws IOException {
        List<Script> scripts = new ArrayList<>();
        for (String sql : execute) {
            scripts.add(new Script(sql, "-e"));
        }
        for (String file : files) {
            scripts.add(file.equals("-") ? stdin() : new Script(read(file), file));
        }
        if (scripts.isEmpty() && !io.stdinIsTerminal()) {
            scripts.add(stdin());
        }
        return scripts;
    }

    private Script stdin() throws IOException {
        return new Script(new String(io.in().readAllBytes(), StandardCharsets.UTF_8), "<stdin>");
    }

    private static String read(String file) throws IOException {
        try {
            return Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("-f " + file + ": no such file");
        }
    }
}
