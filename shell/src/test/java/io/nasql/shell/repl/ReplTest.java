package io.nasql.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.Backend;
import io.nasql.db.InventoryStore;
import io.nasql.db.ScopeKey;
import io.nasql.shell.cli.SessionConfig;
import io.nasql.shell.cli.Wiring;
import io.nasql.shell.statement.ProgressSink;
import io.nasql.shell.statement.ResourceCatalog;
import io.nasql.shell.statement.Settings;
import io.nasql.shell.statement.StatementKind;
import io.nasql.shell.statement.TemplateRenderer;
import io.nasql.sync.ApiTarget;
import io.nasql.sync.SyncOptions;
import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.NasJob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The REPL driven headless over a dumb terminal on piped streams, as JLine's own tests do. */
class ReplTest {
    @TempDir
    Path folder;
    PipedOutputStream keyboard;
    ByteArrayOutputStream screen;
    Terminal terminal;
    Wiring wiring;
    Repl repl;

    @BeforeEach
    void start() throws IOException {
        keyboard = new PipedOutputStream();
        screen = new ByteArrayOutputStream();
        terminal = new DumbTerminal("test", Terminal.TYPE_DUMB, new PipedInputStream(keyboard, 1 << 16), screen, StandardCharsets.UTF_8);
        SessionConfig config = new SessionConfig("jdbc:h2:mem:" + UUID.randomUUID() + "/google;DB_CLOSE_DELAY=-1", folder,
                ApiTarget.emulator("127.0.0.1:1"), List.of(), List.of(), SyncOptions.defaults(), false);
        wiring = new Wiring(config, new Settings(), Clock.systemUTC());
        InputReader input = new InputReader(terminal, new SqlCompleter(wiring.inventory(), ResourceCatalog.load()), false,
                folder.resolve("history"));
        Wiring.FrontEnd front = new Wiring.FrontEnd(terminal.writer(), ProgressSink.NONE, input::confirm,
                () -> io.nasql.shell.report.ReportCatalog.load(List.of()), Map.of());
        repl = new Repl(new Repl.Parts(terminal, input, wiring.engine(front), new TemplateRenderer(Map.of()), wiring.settings(),
                wiring.inventory(), wiring.clock(), false, null));
    }

    @AfterEach
    void stop() throws IOException {
        wiring.close();
        terminal.close();
    }

    private CompletableFuture<Integer> running() {
        return CompletableFuture.supplyAsync(repl::run);
    }

    private void type(String text) throws IOException {
        keyboard.write(text.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private String shown() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aStatementOverSeveralLinesRunsAtItsSemicolonAndCtrlDLeavesWithZero() throws Exception {
        CompletableFuture<Integer> exit = running();
        type("SELECT 1 AS one,\n'two' AS\ntwo;\n");
        keyboard.close();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(shown()).doesNotContain("error").contains("| one | two |").contains("|   1 | two |");
    }

    @Test
    void outputSwitchesAndVerticalAndErrorsLetTheSessionGoOn() throws Exception {
        CompletableFuture<Integer> exit = running();
        type(".output csv\nSELECT 1 AS a;\n.output table\nSELECT nope;\nSELECT 'x' AS v\\G\nexit\n");
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(shown()).containsPattern("a\\r?\\n1\\r?\\n").contains("error: input:1: Column \"nope\" not found")
                .contains("-[ RECORD 1 ]").contains("v | x");
    }

    @Test
    void aCappedReportSaysHowManyItLeftOutBelowItsTable() throws Exception {
        InventoryStore store = wiring.inventory().store();
        for (int i = 1; i <= 3; i++) {
            store.putJob(new ScopeKey("p", "us-central1"), NasJob.newBuilder().setName("projects/1/locations/us-central1/nasJobs/" + i)
                    .setDisplayName("failed" + i).setState(JobState.JOB_STATE_FAILED).build(), "sync", OffsetDateTime.now());
        }
        // A terminal that pages: results are held for the screen, as in a real session.
        terminal.close();
        terminal = new DumbTerminal("test", "ansi", new PipedInputStream(keyboard = new PipedOutputStream(), 1 << 16), screen,
                StandardCharsets.UTF_8);
        terminal.setSize(new org.jline.terminal.Size(120, 40));
        InputReader input = new InputReader(terminal, new SqlCompleter(wiring.inventory(), ResourceCatalog.load()), false,
                folder.resolve("history2"));
        Wiring.FrontEnd front = new Wiring.FrontEnd(terminal.writer(), ProgressSink.NONE, input::confirm,
                () -> io.nasql.shell.report.ReportCatalog.load(List.of()), Map.of());
        repl = new Repl(new Repl.Parts(terminal, input, wiring.engine(front), new TemplateRenderer(Map.of()), wiring.settings(),
                wiring.inventory(), wiring.clock(), false, "cat"));
        CompletableFuture<Integer> exit = running();
        type("REPORT failed-jobs max_jobs=1;\n");
        keyboard.close();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        String shown = shown();
        assertThat(shown).contains("report failed-jobs: 1 of 3 jobs shown");
        assertThat(shown.indexOf("report failed-jobs: 1 of 3")).as("below the table").isGreaterThan(shown.lastIndexOf("+---"));
    }

    @Test
    void errorLinesFromExceptionsNasqlDidNotWordAreMasked() throws Exception {
        CompletableFuture<Integer> exit = running();
        type(".output password=hunter2secret\nexit\n");
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        List<String> errors = shown().lines().filter(l -> l.contains("error: ")).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains("password=***").doesNotContain("hunter2secret");
    }

    @Test
    void setOutputStaysUntilChangedAsDotOutputDoes() throws Exception {
        CompletableFuture<Integer> exit = running();
        type("SET output = json;\nSELECT 1 AS a;\nSELECT 2 AS b;\n.output csv\nSELECT 3 AS c;\nSET output = table;\nSELECT 4 AS d;\n");
        keyboard.close();
        assertThat(exit.get(30, TimeUnit.SECONDS)).isZero();
        assertThat(shown()).contains("{\"a\":1}").contains("{\"b\":2}").containsPattern("c\\r?\\n3\\r?\\n").contains("| d |")
                .doesNotContain("| a |").doesNotContain("| b |");
    }

    @Test
    void theHistoryFileKeepsWhatWasTyped() throws Exception {
        CompletableFuture<Integer> exit = running();
        type("SELECT 42 AS answer;\n");
        keyboard.close();
        exit.get(30, TimeUnit.SECONDS);
        assertThat(Files.readString(folder.resolve("history"))).contains("SELECT 42 AS answer;");
    }

    @Test
    void ctrlCCancelsASlowQueryAndTheSessionGoesOn() throws Exception {
        CompletableFuture<Integer> exit = running();
        type("SELECT COUNT(*) FROM SYSTEM_RANGE(1, 100000000) a, SYSTEM_RANGE(1, 100000) b;\n");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("nasql-statement") && t.getState() == Thread.State.RUNNABLE)
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(300);
        terminal.raise(Terminal.Signal.INT);
        type("SELECT 'alive' AS after;\n");
        keyboard.close();
        assertThat(exit.get(60, TimeUnit.SECONDS)).isZero();
        assertThat(shown()).contains("error: cancelled").contains("| alive |");
    }

    @Test
    void completionOffersEachKindOfCandidate() throws Exception {
        ScopeKey scope = new ScopeKey("proj-a", "us-central1");
        wiring.inventory().store().putJob(scope, NasJob.newBuilder()
                .setName("projects/1/locations/us-central1/nasJobs/9").setDisplayName("x").setState(JobState.JOB_STATE_RUNNING).build(),
                "insert", OffsetDateTime.now());
        SqlCompleter completer = new SqlCompleter(wiring.inventory(), ResourceCatalog.load());
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).parser(new StatementParser()).build();

        assertThat(complete(completer, reader, "SEL")).contains("SELECT", "SYNC", "EXEC", "SHOW", "DESCRIBE");
        assertThat(complete(completer, reader, "SELECT * FROM goo")).contains("google.aiplatform.nas_jobs", "google.aiplatform.sync_scopes");
        assertThat(complete(completer, reader, "SELECT * FROM google.aiplatform.nas_trials WHERE ")).contains("metricValue", "trialType");
        assertThat(complete(completer, reader, "EXEC google.aiplatform.nas_jobs.")).containsExactly("google.aiplatform.nas_jobs.cancel");
        assertThat(complete(completer, reader, "EXEC google.aiplatform.nas_jobs.cancel @"))
                .containsExactlyInAnyOrder("@locationsId=", "@nasJobsId=", "@projectsId=");
        assertThat(complete(completer, reader, "SELECT * FROM google.aiplatform.nas_jobs WHERE projectsId = '")).containsExactly("'proj-a'");
        assertThat(complete(completer, reader, "SELECT * FROM google.aiplatform.nas_jobs WHERE locationsId IN ('")).containsExactly("'us-central1'");
        assertThat(complete(completer, reader, "SELECT * FROM google.aiplatform.nas_jobs WHERE state=")).containsExactly("'JOB_STATE_RUNNING'");
    }

    /**
     * A verb is one StatementKind constant: Tab completes its keywords and help lists it with no other edit, and
     * the line help shows is one the statement engine takes for that verb (issue 17).
     */
    @Test
    void everyVerbIsCompletedAndListedInHelp() {
        SqlCompleter completer = new SqlCompleter(wiring.inventory(), ResourceCatalog.load());
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).parser(new StatementParser()).build();
        List<String> offered = complete(completer, reader, "");
        for (StatementKind kind : StatementKind.values()) {
            assertThat(kind.keywords()).as(kind.name()).isNotEmpty();
            assertThat(offered).as(kind.name()).containsAll(kind.keywords());
            assertThat(ReplCommands.HELP).as(kind.name()).contains("\n  " + kind.usage() + "\n");
            assertThat(StatementKind.of(kind.example(), Backend.H2)).as(kind.example()).isEqualTo(kind);
        }
        assertThat(ReplCommands.HELP).startsWith("Statements end with ; and may span lines:\n  SELECT ... FROM google.aiplatform.nas_jobs");
    }

    private static List<String> complete(SqlCompleter completer, LineReader reader, String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(reader, reader.getParser().parse(line, line.length(), Parser.ParseContext.COMPLETE), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void theParserWaitsForTheSemicolon() {
        assertThat(StatementParser.isComplete("SELECT 1")).isFalse();
        assertThat(StatementParser.isComplete("SELECT ';'")).isFalse();
        assertThat(StatementParser.isComplete("SELECT 1 -- done;")).isFalse();
        assertThat(StatementParser.isComplete("SELECT 1;")).isTrue();
        assertThat(StatementParser.isComplete("SELECT 1\\G")).isTrue();
        assertThat(StatementParser.isComplete(".output json")).isTrue();
        assertThat(StatementParser.isComplete("exit")).isTrue();
    }

    @Test
    void thePromptSaysWhatTheInventoryHolds() {
        assertThat(Prompt.text(wiring.inventory(), Clock.systemUTC())).isEqualTo("nasql [empty, never synced]> ");
        wiring.inventory().store().replaceScope(new ScopeKey("p", "l"), List.of(), List.of(), "sync",
                OffsetDateTime.now().minusMinutes(2));
        assertThat(Prompt.text(wiring.inventory(), Clock.systemUTC())).isEqualTo("nasql [empty, synced 2m ago]> ");
        assertThat(Prompt.ago(java.time.Duration.ofHours(5))).isEqualTo("5h ago");
    }

    @Test
    void highlightingIsOffWithoutColour() {
        assertThat(new SqlHighlighter(false, SqlCompleter.KEYWORDS).highlight(null, "SELECT 'a' -- c").toAnsi()).isEqualTo("SELECT 'a' -- c");
        assertThat(new SqlHighlighter(true, SqlCompleter.KEYWORDS).highlight(null, "SELECT 'a' 12").toAnsi()).contains("\u001b[").contains("SELECT");
    }

}
