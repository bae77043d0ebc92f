package io.nasql.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.shell.cli.Cli;
import io.nasql.shell.cli.SessionConfig;
import io.nasql.shell.cli.Wiring;
import io.nasql.shell.report.ReportCatalog;
import io.nasql.shell.statement.ProgressSink;
import io.nasql.shell.statement.Settings;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.TemplateRenderer;
import io.nasql.shell.write.Confirmer;
import io.nasql.sync.ApiTarget;
import io.nasql.sync.SyncOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 500,000-row result: its first screen reaches the pager at once, and quitting the pager stops the query (issue 17). */
public class StreamingTest {
    @TempDir
    Path folder;

    /** Counts the rows H2 makes, as it makes them: an H2 function must be a public method of a public class. */
    public static final class Produced {
        private static final AtomicLong ROWS = new AtomicLong();

        private Produced() {
        }

        /** Its argument, counted. */
        public static long counted(long n) {
            ROWS.incrementAndGet();
            return n;
        }
    }

    @Test
    void theFirstScreenArrivesBeforeTheResultEndsAndQuittingThePagerStopsTheQuery() throws Exception {
        Path paged = folder.resolve("paged");
        SessionConfig config = new SessionConfig(Cli.memoryDb(), folder, ApiTarget.emulator("127.0.0.1:1"), List.of(), List.of(),
                SyncOptions.defaults(), false);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = new ExternalTerminal("test", "xterm-256color", new ByteArrayInputStream(new byte[0]), screen,
                StandardCharsets.UTF_8); Wiring wiring = new Wiring(config, new Settings(), Clock.systemUTC())) {
            terminal.setSize(new Size(120, 40));
            var engine = wiring.engine(new Wiring.FrontEnd(terminal.writer(), ProgressSink.NONE, Confirmer.NOBODY,
                    () -> ReportCatalog.load(List.of()), Map.of()));
            QueryRunner runner = new QueryRunner(terminal, engine, new TemplateRenderer(Map.of()), wiring.settings(),
                    new Console(terminal.writer(), false), new Pager("head -n 30 > '" + paged + "'"));
            // Each row the query makes is counted as H2 makes it (the connection runs queries lazily): the count
            // shows how much of the result was read, whatever the machine's speed. DETERMINISTIC, because H2 runs a
            // query with a function that might write eagerly, in full.
            Produced.ROWS.set(0);
            try (var jdbc = wiring.inventory().connection().createStatement()) {
                jdbc.execute("CREATE ALIAS COUNTED DETERMINISTIC FOR \"" + Produced.class.getName() + ".counted\"");
            }
            String sql = "SELECT COUNTED(X) AS n, 'job-' || X AS name, REPEAT('x', 200) AS pad FROM SYSTEM_RANGE(1, 500000)";
            long start = System.nanoTime();
            CompletableFuture<Boolean> run = CompletableFuture.supplyAsync(() -> runner.run(new Statement(sql, "input", 1, 1), sql, false, true));
            long deadline = start + TimeUnit.SECONDS.toNanos(30);
            while ((!Files.exists(paged) || Files.readAllLines(paged).size() < 30) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Duration firstScreen = Duration.ofNanos(System.nanoTime() - start);
            assertThat(run.get(30, TimeUnit.SECONDS)).as("quitting the pager is not an error").isTrue();
            long produced = Produced.ROWS.get();
            Duration stopped = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("500,000 rows: first screen in the pager after %d ms, query stopped %d ms after start, %d rows made%n",
                    firstScreen.toMillis(), stopped.toMillis(), produced);
            assertThat(Files.readAllLines(paged)).hasSize(30).element(1).asString().startsWith("| n    | name ");
            assertThat(firstScreen).isLessThan(Duration.ofSeconds(5));
            assertThat(screen.toString(StandardCharsets.UTF_8)).doesNotContain("error").doesNotContain("500000 rows");
            // The query stopped early: once the pager quit, neither nasql nor the driver read on. A full read makes all
            // 500,000; what is made is a screenful, the rows the table printer sizes its columns from, and what the
            // pipe to the pager held, whatever the timing. Nothing runs on after the statement returned.
            assertThat(produced).as("rows made of 500,000").isLessThan(100_000);
            Thread.sleep(200);
            assertThat(Produced.ROWS.get()).as("rows made after the statement returned").isEqualTo(produced);
            runner.close();
        }
    }
}
