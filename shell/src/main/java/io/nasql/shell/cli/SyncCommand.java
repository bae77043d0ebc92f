package io.nasql.shell.cli;

import io.nasql.db.FileCompaction;
import io.nasql.shell.error.ExitCodes;
import io.nasql.shell.error.UsageException;
import io.nasql.shell.statement.ProgressSink;
import io.nasql.shell.statement.Settings;
import io.nasql.shell.statement.StatementTokens;
import io.nasql.shell.statement.SyncRun;
import io.nasql.shell.statement.Setting;
import io.nasql.sync.Shard;
import io.nasql.sync.SyncReport;
import io.nasql.sync.SyncWorker;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code nasql sync}: mirror the configured scope into the inventory and print a summary. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Mirror the NasJobs of the projects and locations in scope into the inventory, then print a summary.")
public final class SyncCommand implements Callable<Integer> {
    @ParentCommand
    NasqlCommand nasql;

    @Option(names = "--concurrency", paramLabel = "N", description = "API calls in flight at most (default: 32, or concurrency in the settings file).")
    Integer concurrency;

    @Option(names = "--progress", description = "Show the progress line even when stderr is not a terminal.")
    boolean progress;

    @Option(names = "--calls-per-minute", paramLabel = "N",
            description = "API calls per minute per project and location (default: 540, under the published quota of 600).")
    Integer callsPerMinute;

    @Option(names = "--shard", paramLabel = "K/N",
            description = "Sync only shard K of N: the scopes whose CRC-32 of project/location mod N is K-1 (default: all).")
    String shard;

    @Option(names = "--lease", paramLabel = "DURATION",
            description = "How long a crashed worker's scopes stay held before another worker may take them (default: 5m).")
    String lease;

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = nasql.options();
        Io io = nasql.io();
        if (options.demo()) {
            throw new UsageException("--demo runs its own emulator and inventory; it does not go with `nasql sync`");
        }
        if (concurrency != null && concurrency < 1) {
            throw new UsageException("--concurrency must be at least 1");
        }
        if (callsPerMinute != null && callsPerMinute < 1) {
            throw new UsageException("--calls-per-minute must be at least 1");
        }
        SyncWorker worker = worker();
        ConfigFile file = options.settingsFile(io);
        options.warnAboutPermissions(io, file, null);
        SessionConfig base = options.sessionConfig(io, file, null, concurrency);
        SessionConfig config = callsPerMinute == null ? base : base.withSync(base.sync().withRate(callsPerMinute, base.sync().burst()));
        if (!config.hasScope()) {
            throw new UsageException("no projects given: pass --projects a,b or set `projects: [a, b]` in ~/.nasql/config.yaml"
                    + " (and --locations x,y, or nasql lists them per project), or name --organization ID or --folder ID");
        }
        Writer out = io.results();
        PrintWriter notices = io.notices();
        StatementTokens tokens = new StatementTokens();
        // A sync that changes jobs leaves garbage in the file; compaction keeps its size level.
        FileCompaction.allow(FileCompaction.AT_CLOSE, FileCompaction.SYNC);
        try (Wiring wiring = new Wiring(config, new Settings(), Clock.systemUTC())) {
            SyncRun syncs = wiring.syncs(progress || io.stderrIsTerminal() ? ProgressSink.line(notices) : ProgressSink.NONE).as(worker);
            SyncReport report;
            try (Interrupts interrupts = Interrupts.onFirst(tokens::interrupt)) {
                report = syncs.discovered(config.projects(), config.locations(), config.discovery(), notices::println, tokens.next());
            }
            out.write(SyncRun.summary(report));
            out.flush();
            return report.problems().isEmpty() && !report.interrupted() ? ExitCodes.OK : ExitCodes.SYNC_FAILED_SCOPES;
        }
    }

    private SyncWorker worker() {
        Shard part;
        try {
            part = shard == null ? Shard.ALL : Shard.parse(shard);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--shard: " + e.getMessage());
        }
        Duration ttl;
        try {
            ttl = lease == null ? SyncWorker.DEFAULT_LEASE : (Duration) Setting.MAX_AGE.parseValue(lease);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--lease: " + e.getMessage());
        }
        if (ttl.isZero() || ttl.isNegative()) {
            throw new UsageException("--lease: a lease lasts a positive time, e.g. 30s or 5m");
        }
        return SyncWorker.local(part, ttl);
    }
}
