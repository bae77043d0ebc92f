package io.nasql.shell.cli;

import io.nasql.shell.Engines;
import io.nasql.shell.Session;
import io.nasql.shell.output.OutputFormat;
import io.nasql.shell.report.Report;
import io.nasql.shell.report.ReportCatalog;
import io.nasql.shell.report.ReportFolders;
import io.nasql.shell.report.ReportRunner;
import io.nasql.shell.statement.Setting;
import io.nasql.shell.statement.Variables;
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
        return nasql.demo ? nasql.inDemo(this::run) : run();
    }

    private Integer run() throws Exception {
        ReportCatalog catalog = ReportCatalog.load(ReportFolders.of(nasql.io.home()));
        if (list) {
            Writer stdout = nasql.stdout();
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
        var variables = Variables.load(nasql.varFiles, concat(nasql.vars, vars));
        Writer writer = out == null ? nasql.stdout() : new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8));
        try (Session session = new Session(nasql.sessionConfig(null), writer, new PrintWriter(nasql.io.err(), true), q -> false,
                Clock.systemUTC())) {
            nasql.applySettings(session);
            if (nasql.demo && !nasql.demoSync(session)) {
                return ExitCodes.FAILED;
            }
            if (output != null && !html) {
                session.set(Setting.OUTPUT, OutputFormat.parse(output));
            }
            ReportRunner runner = new ReportRunner(Engines.standard(() -> catalog, variables));
            if (html) {
                runner.html(report, variables, session, writer);
            } else {
                runner.print(report, variables, session);
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
