package io.nasql.shell.cli;

import io.nasql.shell.output.OutputFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code nasql [OPTIONS] [COMMAND]}: picocli's binding of the global options. Running is
 * handed on: statements to {@link BatchMode}, the shell to {@link InteractiveMode}, each in the
 * {@link Demo} when asked; subcommands read the options through {@link #options()}.
 */
@Command(name = "nasql",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "An interactive SQL shell for Vertex AI NAS jobs (google.aiplatform.nas_jobs).",
        subcommands = {SyncCommand.class, ReportCommand.class, EmulatorCommand.class, ServeCommand.class},
        footer = {"", "Settings are read from ~/.nasql/config.yaml (or --config FILE); flags override them.",
                "Exit codes: 0 success; 1 a statement or API call failed; 2 bad usage; 3 a sync finished with failed scopes;"
                + " 130 stopped by Ctrl-C."})
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

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", completionCandidates = OutputFormats.class,
            description = "${COMPLETION-CANDIDATES} (default: table).")
    String output;

    @Option(names = "--csv-crlf", scope = CommandLine.ScopeType.INHERIT,
            description = "End CSV lines with CRLF, as RFC 4180 does (default: a newline, as psql and StackQL write).")
    boolean csvCrlf;

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

    /** The format names for -o's help, from the one list of formats. */
    static final class OutputFormats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(OutputFormat.values()).map(Object::toString).iterator();
        }
    }

    private Io io;

    public void setIo(Io io) {
        this.io = io;
    }

    Io io() {
        return io;
    }

    /** The options as parsed, fixed. */
    GlobalOptions options() {
        return new GlobalOptions(db, configFile, demo, endpoint, plaintext, credentials, List.copyOf(projects), List.copyOf(locations),
                output, csvCrlf, List.copyOf(execute), List.copyOf(files), List.copyOf(vars), List.copyOf(varFiles), manifest, yes, dryRun,
                ignoreErrors, debug, scope);
    }

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = options();
        List<Script> scripts = Script.all(options, io);
        if (!options.demo()) {
            return run(options, scripts, null);
        }
        try (Demo environment = Demo.start()) {
            return run(options, scripts, environment);
        }
    }

    private int run(GlobalOptions options, List<Script> scripts, Demo environment) throws Exception {
        if (scripts.isEmpty() && options.manifest() == null) {
            return new InteractiveMode(options, io, environment).run();
        }
        return new BatchMode(options, io, environment).run(scripts);
    }
}
