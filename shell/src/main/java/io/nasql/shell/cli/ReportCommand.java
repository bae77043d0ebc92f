package io.nasql.shell.cli;

import io.nasql.shell.error.ErrorReporter;
import io.nasql.shell.error.ExitCodes;
import io.nasql.shell.error.UsageException;
import io.nasql.shell.output.OutputFormat;
import io.nasql.shell.report.Report;
import io.nasql.shell.report.ReportCatalog;
import io.nasql.shell.report.ReportFolders;
import io.nasql.shell.report.ReportRunner;
import io.nasql.shell.statement.Execution;
import io.nasql.shell.statement.ProgressSink;
import io.nasql.shell.statement.Setting;
import io.nasql.shell.statement.Settings;
import io.nasql.shell.statement.Variables;
import io.nasql.shell.write.Confirmer;
import io.nasql.sync.CancelToken;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code nasql report NAME}: a cross-project report over the inventory. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run a cross-project report: a SQL file from ~/.nasql/reports, scripts/reports or the built-ins.")
public final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    NasqlCommand nasql;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The report to run.")
    String name;

    @Option(names = "--list", description = "List the reports: name, then what each answers.")
    boolean list;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", description = "table, json, jsonl, csv, text, vertical or html (default: table).")
    String output;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of stdout.")
    Path out;

    @Option(names = "--var", paramLabel = "KEY=VALUE", description = "A report variable, over its default (repeatable).")
    List<String> vars = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = nasql.options();
        if (!options.demo()) {
            return run(options, null);
        }
        try (Demo environment = Demo.start()) {
            return run(options, environment);
        }
    }

    private Integer run(GlobalOptions options, Demo demo) throws Exception {
        Io io = nasql.io();
        ReportCatalog catalog = ReportCatalog.load(ReportFolders.of(io.home()));
        if (list) {
            Writer stdout = io.results();
            int width = catalog.all().stream().mapToInt(r -> r.name().length()).max().orElse(0);
            for (Report report : catalog.all()) {
                stdout.write(report.name() + " ".repeat(width - report.name().length() + 2) + report.description() + "\n");
            }
            stdout.flush();
            return ExitCodes.OK;
        }
        if (name == null) {
            throw new UsageException("name a report, or pass --list to see them");
        }
        Report report = catalog.find(name);
        boolean html = "html".equalsIgnoreCase(output);
        var variables = Variables.load(options.varFiles(), concat(options.vars(), vars));
        ConfigFile file = options.settingsFile(io);
        options.warnAboutPermissions(io, file, demo);
        Settings settings = options.settings(file, io);
        if (output != null && !html) {
            settings.set(Setting.OUTPUT, OutputFormat.parse(output));
        }
        PrintWriter notices = io.notices();
        Wiring.FrontEnd front = new Wiring.FrontEnd(notices, ProgressSink.NONE, Confirmer.NOBODY, () -> catalog, variables);
        Writer writer = out == null ? io.results() : new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
        try (Wiring wiring = new Wiring(options.sessionConfig(io, file, demo, null), settings, Clock.systemUTC())) {
            ErrorReporter errors = options.errors(io);
            if (demo != null && !demo.firstSync(wiring.syncs(ProgressSink.NONE), wiring.config(), notices, errors, false)) {
                return ExitCodes.FAILED;
            }
            ReportRunner runner = wiring.reports(wiring.queries(front), notices);
            if (html) {
                runner.html(report, variables, writer);
            } else {
                runner.print(report, variables, new Execution(new CancelToken(), settings, writer, false));
            }
            writer.flush();
        } finally {
            if (out != null) {
                writer.close();
            }
        }
        return ExitCodes.OK;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
