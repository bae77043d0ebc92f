package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.emulator.EmulatorClock;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.shell.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first five minutes: the demo, and the settings file under the flags. */
class DemoAndConfigTest {
    @TempDir
    Path home;

    @Test
    void theDemoRunsStatementsNonInteractivelyAndLeavesTheUsersFolderAlone() {
        Cli.Result result = Cli.run(home, "", "--demo", "-o", "text", "-e",
                "SELECT COUNT(*) AS jobs, COUNT(DISTINCT projectsId) AS projects, COUNT(DISTINCT state) AS states FROM google.aiplatform.nas_jobs;"
                        + " SELECT COUNT(*) > 0 AS trials FROM google.aiplatform.nas_trials");
        assertThat(result.code()).isZero();
        assertThat(result.out()).isEqualTo("jobs\tprojects\tstates\n48\t3\t6\ntrials\ntrue\n");
        assertThat(result.err()).contains("nasql demo: emulator on 127.0.0.1:").contains("synced 6 scopes").doesNotContain("Try:");
        assertThat(home.resolve(".nasql")).doesNotExist();
    }

    @Test
    void theDemoRunsReportsToo() {
        Cli.Result result = Cli.run(home, "", "--demo", "report", "jobs-by-state", "-o", "csv");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("projectsId,locationsId,state,jobs\nproj-001,");
        assertThat(home.resolve(".nasql")).doesNotExist();
        assertThat(Cli.run(home, "", "--demo", "sync").code()).isEqualTo(2);
    }

    private Path config(String yaml) throws Exception {
        Path folder = Files.createDirectories(home.resolve(".nasql"));
        return Files.writeString(folder.resolve("config.yaml"), yaml);
    }

    @Test
    void theSettingsFileGivesDefaultsAndFlagsOverrideThem() throws Exception {
        config("output: csv\nmax_age: 0\n");
        String db = Cli.memoryDb();
        assertThat(Cli.run(home, "", "--db", db, "-e", "SELECT 1 AS a").out()).isEqualTo("a\n1\n");
        assertThat(Cli.run(home, "", "--db", db, "-o", "text", "-e", "SELECT 1 AS a").out()).isEqualTo("a\n1\n");
    }

    @Test
    void projectsLocationsAndEndpointComeFromTheSettingsFile() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("cfg-a", "cfg-b"), List.of("us-central1"), 3, 5), EmulatorClock.system(1))) {
            config("projects: [cfg-a, cfg-b]\nlocations: [us-central1]\nendpoint: " + emulator.endpoint() + "\nplaintext: true\n");
            String db = Cli.memoryDb();
            Cli.Result sync = Cli.run(home, "", "--db", db, "sync");
            assertThat(sync.code()).isZero();
            assertThat(sync.out()).startsWith("synced 2 scopes in ").contains("jobs 6 added");
            Cli.Result only = Cli.run(home, "", "--db", db, "--projects", "cfg-b", "-o", "text", "-e", "SYNC; SELECT COUNT(*) AS c FROM google.aiplatform.sync_runs");
            assertThat(only.out()).contains("cfg-b\tus-central1\tOK").doesNotContain("cfg-a\t").endsWith("c\n2\n");
        }
    }

    @Test
    void syncExitsWithThreeAndNamesTheScopesThatFailed() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("open", "closed"), List.of("us-central1"), 2, 5)
                .withDenyProjects(java.util.Set.of("closed")).withDisabledApi(java.util.Set.of("off")), EmulatorClock.system(1))) {
            Cli.Result result = Cli.run(home, "", "--db", Cli.memoryDb(), "--endpoint", emulator.endpoint(), "--plaintext",
                    "--projects", "open,closed,off", "--locations", "us-central1", "sync");
            assertThat(result.code()).isEqualTo(3);
            assertThat(result.out()).startsWith("synced 3 scopes in ").contains("1 ok, 0 failed, 1 denied, 1 API disabled")
                    .contains("\ndenied closed/us-central1: PERMISSION_DENIED: Permission 'aiplatform.nasJobs.list' denied on resource"
                            + " '//aiplatform.googleapis.com/projects/closed/locations/us-central1' (or it may not exist)."
                            + " Check that project closed exists")
                    .contains("\ndisabled off/us-central1: PERMISSION_DENIED: Vertex AI API has not been used in project")
                    .contains("Enable the Vertex AI API: gcloud services enable aiplatform.googleapis.com --project off.");
        }
    }

    @Test
    void progressShowsScopesJobsErrorsAndRateOnStderr() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(EmulatorConfig.numberedProjects(10), List.of("us-central1"), 2, 5)
                .withLatency(java.time.Duration.ofMillis(60)), EmulatorClock.system(1))) {
            Cli.Result result = Cli.run(home, "", "--db", Cli.memoryDb(), "--endpoint", emulator.endpoint(), "--plaintext",
                    "--projects", String.join(",", EmulatorConfig.numberedProjects(10)), "--locations", "us-central1",
                    "sync", "--concurrency", "2", "--progress");
            assertThat(result.code()).isZero();
            assertThat(result.err()).containsPattern("\\rsync: \\d+/10 scopes, \\d+ jobs, 0 errors, \\d+ calls/s")
                    .endsWith("\r\u001b[K");
            assertThat(result.out()).startsWith("synced 10 scopes");
        }
    }

    /** A sync whose stdin and stdout are terminals, and whose stderr is one only when {@code stderrIsTerminal}. */
    private Cli.Result syncOnATerminal(EmulatorServer emulator, boolean stderrIsTerminal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), true, stderrIsTerminal, Map.of(), home, true);
        int code = Main.run(new String[] {"--db", Cli.memoryDb(), "--endpoint", emulator.endpoint(), "--plaintext",
                "--projects", String.join(",", EmulatorConfig.numberedProjects(6)), "--locations", "us-central1", "sync", "--concurrency", "2"}, io);
        return new Cli.Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void syncDrawsNoProgressWhenStderrIsNotATerminal() throws Exception {
        // `nasql sync 2>log` from a terminal: stdin and stdout are the terminal, stderr a file.
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(EmulatorConfig.numberedProjects(6), List.of("us-central1"), 2, 5)
                .withLatency(Duration.ofMillis(20)), EmulatorClock.system(1))) {
            Cli.Result logged = syncOnATerminal(emulator, false);
            assertThat(logged.code()).isZero();
            assertThat(logged.out()).startsWith("synced 6 scopes");
            assertThat(logged.err()).doesNotContain("\r").doesNotContain("\u001b");
            // The same sync with stderr on the terminal gets the progress line's codes there, without --progress: at
            // least the clearing of the line at the end. Whether a "sync: ..." line was drawn before depends on the
            // sync outlasting the first tick (200 ms), which a test cannot make certain; the codes prove the choice.
            Cli.Result shown = syncOnATerminal(emulator, true);
            assertThat(shown.code()).isZero();
            assertThat(shown.err()).contains("\r").contains("\u001b[K");
        }
    }

    @Test
    void aBadSettingsFileIsOneClearErrorWithItsLine() throws Exception {
        Path file = config("projects: [a]\ncolour: blue\n");
        Cli.Result unknown = Cli.run(home, "", "--db", Cli.memoryDb(), "-e", "SELECT 1");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("error: " + file + ":2: unknown key 'colour'; known keys are concurrency, credentials,"
                + " db, db_password, endpoint, exclude_projects, folder, locations, max_age, organization, output, plaintext, projects,"
                + " serve_password\n");
        config("projects: [a\nlocations: b\n");
        Cli.Result broken = Cli.run(home, "", "--db", Cli.memoryDb(), "-e", "SELECT 1");
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).startsWith("error: " + file + ":").hasLineCount(1);
        config("concurrency: -3\n");
        assertThat(Cli.run(home, "", "--db", Cli.memoryDb(), "-e", "SELECT 1").err()).contains(":1: concurrency takes a whole number");
        assertThat(Cli.run(home, "", "--config", home.resolve("nope.yaml").toString(), "-e", "SELECT 1").err()).contains("no such file");
    }

    @Test
    void helpSaysWhereSettingsAreRead() {
        assertThat(Cli.run(home, "", "--help").out()).contains("~/.nasql/config.yaml");
    }

    @Test
    void syncWithoutProjectsSaysHowToGiveThem() {
        Cli.Result result = Cli.run(home, "", "--db", Cli.memoryDb(), "sync");
        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("no projects given: pass --projects a,b or set `projects: [a, b]`");
    }
}
