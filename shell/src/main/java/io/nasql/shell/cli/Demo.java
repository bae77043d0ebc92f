package io.nasql.shell.cli;

import io.nasql.emulator.EmulatorClock;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.shell.error.ErrorReporter;
import io.nasql.shell.statement.SyncRun;
import io.nasql.sync.CancelToken;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code --demo}: an emulator in process with sample data (three projects, two locations, jobs
 * in every state, with trials) and a throwaway inventory folder, both gone on close. It never
 * touches {@code ~/.nasql}.
 */
final class Demo implements AutoCloseable {
    static final List<String> PROJECTS = EmulatorConfig.numberedProjects(3);
    static final List<String> LOCATIONS = EmulatorConfig.DEFAULT_LOCATIONS;
    static final List<String> EXAMPLES = List.of(
            "SELECT projectsId, state, COUNT(*) AS jobs FROM google.aiplatform.nas_jobs GROUP BY projectsId, state ORDER BY projectsId, state;",
            "SELECT displayName, json_value(error, '$.message') AS why FROM google.aiplatform.nas_jobs WHERE state = 'JOB_STATE_FAILED';",
            "SELECT nasJobsId, metricId, goal, MAX(metricValue) AS best FROM google.aiplatform.nas_trials WHERE goal = 'MAXIMIZE' GROUP BY nasJobsId, metricId, goal ORDER BY best DESC LIMIT 5;");

    private final EmulatorServer emulator;
    private final Path folder;

    private Demo(EmulatorServer emulator, Path folder) {
        this.emulator = emulator;
        this.folder = folder;
    }

    static Demo start() throws IOException {
        Path folder = Files.createTempDirectory("nasql-demo-");
        EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty().withSeedData(PROJECTS, LOCATIONS, 8, 2026),
                EmulatorClock.system(1.0));
        return new Demo(emulator, folder);
    }

    String endpoint() {
        return emulator.endpoint();
    }

    /** The throwaway inventory folder (history goes there too). */
    Path folder() {
        return folder;
    }

    /** The demo's first sync, with progress, and the example queries when a person is watching; false when it failed. */
    boolean firstSync(SyncRun syncs, SessionConfig config, PrintWriter notices, ErrorReporter errors, boolean showExamples) {
        notices.println("nasql demo: emulator on " + endpoint() + ", throwaway inventory in " + folder);
        try {
            notices.print(SyncRun.summary(syncs.scopes(config.projects(), config.locations(), new CancelToken())));
        } catch (Exception e) {
            errors.report(e);
            return false;
        }
        if (showExamples) {
            notices.println("Try:");
            EXAMPLES.forEach(q -> notices.println("  " + q));
        }
        notices.flush();
        return true;
    }

    @Override
    public void close() {
        emulator.close();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
