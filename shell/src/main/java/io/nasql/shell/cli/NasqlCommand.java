package io.nasql.shell.cli;

import io.nasql.db.Inventory;
import io.nasql.shell.Engines;
import io.nasql.shell.Session;
import io.nasql.shell.SessionConfig;
import io.nasql.shell.output.OutputFormat;
import io.nasql.shell.statement.BatchRunner;
import io.nasql.shell.statement.Setting;
import io.nasql.shell.statement.StatementEngine;
import io.nasql.shell.statement.TemplateRenderer;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.Variables;
import io.nasql.shell.write.ManifestCreate;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code nasql [OPTIONS] [COMMAND]}: the global options, and running statements. */
@Command(name = "nasql",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "An interactive SQL shell for Vertex AI NAS jobs (google.aiplatform.nas_jobs).",
        subcommands = {SyncCommand.class, EmulatorCommand.class},
        footer = {"", "Exit codes: 0 success; 1 a statement or API call failed; 2 bad usage; 3 a sync finished with failed scopes."})
public final class NasqlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "URL", description = "Inventory JDBC URL (default: H2 file ~/.nasql/google).")
    String db;

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

    /** The session configuration from the flags. */
    SessionConfig sessionConfig(SyncOptions syncOptions) {
        ApiTarget api = endpoint != null ? new ApiTarget(endpoint, plaintext, credentials)
                : new ApiTarget(null, plaintext, credentials);
        Path folder = io.home().resolve(".nasql");
        return new SessionConfig(db, folder, api, projects, locations, syncOptions, yes);
    }

    ErrorReporter errors() {
        return new ErrorReporter(new PrintWriter(io.err(), true), debug, false);
    }

    Writer stdout() {
        return new BufferedWriter(new OutputStreamWriter(io.out(), StandardCharsets.UTF_8));
    }

    @Override
    public Integer call() throws IOException {
        List<Script> scripts = scripts();
        if (scripts.isEmpty() && manifest == null) {
            throw new UsageException("the interactive shell is not available yet: pass -e SQL or -f FILE");
        }
        ErrorReporter errors = errors();
        StatementEngine engine = Engines.standard();
        Map<String, JsonNode> variables = Variables.load(varFiles, vars);
        TemplateRenderer templates = new TemplateRenderer(variables);
        Writer out = stdout();
        PrintWriter notices = new PrintWriter(io.err(), true);
        try (Session session = new Session(sessionConfig(SyncOptions.defaults()), out, notices, question -> false, Clock.systemUTC())) {
            if (output != null) {
                session.set(Setting.OUTPUT, OutputFormat.parse(output));
            }
            BatchRunner runner = new BatchRunner(engine, templates, dryRun, ignoreErrors, errors::report);
            boolean ok = true;
            if (manifest != null) {
                ok = createFromManifest(session, templates, variables, errors);
            }
            for (Script script : scripts) {
                if (!ok && !ignoreErrors) {
                    break;
                }
                ok &= runner.run(script.text(), script.source(), session);
            }
            out.flush();
            return ok ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private record Script(String text, String source) {
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

    /** The default inventory folder, for help texts. */
    static String defaultFolder() {
        return Inventory.defaultFolder().toString();
    }
}
