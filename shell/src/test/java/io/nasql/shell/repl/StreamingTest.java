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
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 500,000-row result: its first screen reaches the pager at once, and quitting the pager stops the query (issue 17). */
class StreamingTest {
    @TempDir
    Path folder;

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
            wiring.inventory().connection();
            String sql = "SELECT X AS n, 'job-' || X AS name, REPEAT('x', 200) AS pad FROM SYSTEM_RANGE(1, 500000)";
            long start = System.nanoTime();
            CompletableFuture<Boolean> run = CompletableFuture.supplyAsync(() -> runner.run(new Statement(sql, "input", 1, 1), sql, false, true));
            long deadline = start + TimeUnit.SECONDS.toNanos(30);
            while ((!Files.exists(paged) || Files.readAllLines(paged).size() < 30) && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Duration firstScreen = Duration.ofNanos(System.nanoTime() - start);
            assertThat(run.get(30, TimeUnit.SECONDS)).as("quitting the pager is not an error").isTrue();
            Duration stopped = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("500,000 rows: first screen in the pager after %d ms, query stopped %d ms after start%n",
                    firstScreen.toMillis(), stopped.toMillis());
            assertThat(Files.readAllLines(paged)).hasSize(30).element(1).asString().startsWith("| n    | name ");
            assertThat(firstScreen).isLessThan(Duration.ofSeconds(5));
            assertThat(screen.toString(StandardCharsets.UTF_8)).doesNotContain("error").doesNotContain("500000 rows");
            runner.close();
        }
    }
}
