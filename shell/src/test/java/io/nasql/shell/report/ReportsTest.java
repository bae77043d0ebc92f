package io.nasql.shell.report;

import io.nasql.db.Backend;
import io.nasql.db.TestPostgres;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.Measurement;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobOutput;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import com.google.cloud.aiplatform.v1.NasJobSpec.MultiTrialAlgorithmSpec;
import com.google.cloud.aiplatform.v1.NasTrial;
import com.google.protobuf.Timestamp;
import com.google.rpc.Status;
import io.nasql.db.Inventory;
import io.nasql.db.InventoryStore;
import io.nasql.db.ScopeKey;
import io.nasql.db.ScopeStatus;
import io.nasql.shell.cli.Cli;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each built-in report over an inventory of known content, on H2 and on PostgreSQL. */
@ParameterizedClass
@MethodSource("io.nasql.db.TestInventories#backends")
class ReportsTest {
    @Parameter
    Backend backend;

    private static final ScopeKey P1 = new ScopeKey("p1", "us-central1");
    private static final ScopeKey P2 = new ScopeKey("p2", "europe-west4");

    @TempDir
    Path home;
    String db;
    Inventory inventory;
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    OffsetDateTime yesterday = now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC);

    @BeforeEach
    void inventoryOfKnownContent() {
        db = backend == Backend.H2 ? Cli.memoryDb() : TestPostgres.freshGoogle();
        inventory = Inventory.open(db);
        InventoryStore store = new InventoryStore(inventory);
        store.replaceScope(P1, List.of(
                job(P1, "1", "<script>alert(1)</script>", JobState.JOB_STATE_RUNNING, "vision", hoursAgo(31), hoursAgo(30), null, null),
                withTrials(job(P1, "2", "accuracy", JobState.JOB_STATE_SUCCEEDED, "vision", hoursAgo(11), hoursAgo(10), hoursAgo(8), null),
                        "top1", NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.GoalType.MAXIMIZE, 0.7, 0.9, 0.8),
                withTrials(job(P1, "3", "latency", JobState.JOB_STATE_FAILED, "speech", hoursAgo(5), hoursAgo(4), hoursAgo(2),
                                Status.newBuilder().setCode(13).setMessage("worker ran out of memory").build()),
                        "latency_ms", NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.GoalType.MINIMIZE, 30, 20, 25)),
                List.of(), "sync", yesterday);
        store.replaceScope(P2, List.of(
                job(P2, "4", "waiting", JobState.JOB_STATE_PENDING, null, hoursAgo(2), null, null, null),
                job(P2, "5", "stopped", JobState.JOB_STATE_CANCELLED, null, hoursAgo(3), hoursAgo(2), hoursAgo(1),
                        Status.newBuilder().setCode(1).setMessage("CANCELED").build())),
                List.of(), "sync", yesterday);
        store.markScopeFailed(new ScopeKey("p3", "us-central1"), ScopeStatus.FAILED, "UNAVAILABLE: down", yesterday);
        store.markScopeFailed(new ScopeKey("p4", "us-central1"), ScopeStatus.DENIED, "PERMISSION_DENIED: no", yesterday);
        store.markScopeFailed(new ScopeKey("p5", "us-central1"), ScopeStatus.DISABLED, "PERMISSION_DENIED: API off", yesterday);
        store.markScopeFailed(new ScopeKey("p1", "asia-east1"), ScopeStatus.UNSUPPORTED, "INVALID_ARGUMENT: no NAS", yesterday);
    }

    @AfterEach
    void close() {
        inventory.close();
    }

    private Timestamp hoursAgo(int hours) {
        return Timestamp.newBuilder().setSeconds(now.minus(Duration.ofHours(hours)).getEpochSecond()).build();
    }

    private static NasJob job(ScopeKey scope, String id, String name, JobState state, String team, Timestamp created, Timestamp started,
                              Timestamp ended, Status error) {
        NasJob.Builder job = NasJob.newBuilder()
                .setName("projects/42/locations/" + scope.locationsId() + "/nasJobs/" + id)
                .setDisplayName(name).setState(state).setCreateTime(created).setUpdateTime(created);
        if (team != null) {
            job.putLabels("team", team);
        }
        if (started != null) {
            job.setStartTime(started);
        }
        if (ended != null) {
            job.setEndTime(ended);
        }
        if (error != null) {
            job.setError(error);
        }
        return job.build();
    }

    private static NasJob withTrials(NasJob job, String metric, NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.GoalType goal, double... values) {
        NasJobOutput.MultiTrialJobOutput.Builder output = NasJobOutput.MultiTrialJobOutput.newBuilder();
        for (int i = 0; i < values.length; i++) {
            output.addSearchTrials(NasTrial.newBuilder().setId(String.valueOf(i + 1)).setState(NasTrial.State.SUCCEEDED)
                    .setFinalMeasurement(Measurement.newBuilder().addMetrics(Measurement.Metric.newBuilder().setMetricId(metric).setValue(values[i]))));
        }
        return job.toBuilder()
                .setNasJobSpec(NasJobSpec.newBuilder().setMultiTrialAlgorithmSpec(MultiTrialAlgorithmSpec.newBuilder()
                        .setMetric(MultiTrialAlgorithmSpec.MetricSpec.newBuilder().setMetricId(metric).setGoal(goal))))
                .setNasJobOutput(NasJobOutput.newBuilder().setMultiTrialJobOutput(output))
                .build();
    }

    private Cli.Result report(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--db", db, "report"));
        all.addAll(List.of(args));
        return Cli.run(home, "", all.toArray(String[]::new));
    }

    private String text(String name, String... vars) {
        List<String> args = new java.util.ArrayList<>(List.of(name, "-o", "text"));
        for (String v : vars) {
            args.add("--var");
            args.add(v);
        }
        Cli.Result result = report(args.toArray(String[]::new));
        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        return result.out();
    }

    private String at(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds()).atOffset(ZoneOffset.UTC).toString();
    }

    @Test
    void jobsByState() {
        assertThat(text("jobs-by-state")).isEqualTo("""
                projectsId\tlocationsId\tstate\tjobs
                p1\tus-central1\tJOB_STATE_FAILED\t1
                p1\tus-central1\tJOB_STATE_RUNNING\t1
                p1\tus-central1\tJOB_STATE_SUCCEEDED\t1
                p2\teurope-west4\tJOB_STATE_CANCELLED\t1
                p2\teurope-west4\tJOB_STATE_PENDING\t1
                """);
    }

    @Test
    void failedJobsNewestFirstWithTheirErrors() {
        assertThat(text("failed-jobs")).isEqualTo("projectsId\tlocationsId\tnasJobsId\tdisplayName\tstate\tendTime\terrorCode\terrorMessage\n"
                + "p2\teurope-west4\t5\tstopped\tJOB_STATE_CANCELLED\t" + at(hoursAgo(1)) + "\t1\tCANCELED\n"
                + "p1\tus-central1\t3\tlatency\tJOB_STATE_FAILED\t" + at(hoursAgo(2)) + "\t13\tworker ran out of memory\n");
    }

    @Test
    void stuckJobsOverTheDefaultAndAGivenThreshold() {
        assertThat(text("stuck-jobs")).isEqualTo("projectsId\tlocationsId\tnasJobsId\tdisplayName\tstate\tsince\thours\n"
                + "p1\tus-central1\t1\t<script>alert(1)</script>\tJOB_STATE_RUNNING\t" + at(hoursAgo(30)) + "\t30\n");
        assertThat(text("stuck-jobs", "hours=1").lines().skip(1).map(l -> l.split("\t")[2]).toList()).containsExactly("1", "4");
    }

    @Test
    void bestTrialRespectsTheGoal() {
        assertThat(text("best-trials")).isEqualTo("""
                projectsId\tlocationsId\tnasJobsId\tdisplayName\tmetricId\tgoal\ttrialType\ttrialId\tmetricValue
                p1\tus-central1\t2\taccuracy\ttop1\tMAXIMIZE\tsearch\t2\t0.9
                p1\tus-central1\t3\tlatency\tlatency_ms\tMINIMIZE\tsearch\t2\t20
                """);
    }

    @Test
    void countsAndRunningTimePerLabelValue() {
        assertThat(text("labels")).isEqualTo("""
                labelValue\tjobs\trunning\tfailed\trunningHours
                \t2\t0\t0\t1.0
                vision\t2\t1\t0\t32.0
                speech\t1\t0\t1\t2.0
                """);
    }

    @Test
    void syncFreshnessPutsFailedAndDeniedFirst() {
        assertThat(text("sync-freshness").lines().map(l -> String.join(",", List.of(l.split("\t")).subList(0, 3))).toList())
                .containsExactly("projectsId,locationsId,status", "p3,us-central1,FAILED", "p4,us-central1,DENIED",
                        "p5,us-central1,DISABLED", "p1,us-central1,OK", "p2,europe-west4,OK", "p1,asia-east1,UNSUPPORTED");
    }

    @Test
    void trialAgeShowsWhenEachJobsTrialsWereReadRunningJobsFirst() {
        List<String> rows = text("trial-age").lines().toList();
        assertThat(rows.get(0)).isEqualTo("projectsId\tlocationsId\tnasJobsId\tdisplayName\tstate\ttrialsReadAt\ttrialDataAgeMinutes\ttrials");
        assertThat(rows.get(1)).startsWith("p1\tus-central1\t1\t").contains("\tJOB_STATE_RUNNING\t");
        assertThat(rows).hasSize(6).allMatch(r -> r.startsWith("projectsId") || r.split("\t")[6].equals("1440"));
        assertThat(rows.stream().filter(r -> r.startsWith("p1\tus-central1\t2\t")).findFirst().orElseThrow()).endsWith("\t3");
    }

    @Test
    void stateChangesOverTheLastDays() {
        String day = yesterday.toLocalDate().toString();
        assertThat(text("state-changes")).isEqualTo("observedOn\ttoState\tchanges\n"
                + day + "\tJOB_STATE_CANCELLED\t1\n" + day + "\tJOB_STATE_FAILED\t1\n" + day + "\tJOB_STATE_PENDING\t1\n"
                + day + "\tJOB_STATE_RUNNING\t1\n" + day + "\tJOB_STATE_SUCCEEDED\t1\n");
        assertThat(text("state-changes", "days=0")).isEqualTo("observedOn\ttoState\tchanges\n");
    }

    @Test
    void reportsOfARowPerJobPrintAtMostMaxJobsTheFirstOfAllAndSayHowManyThereAre() throws Exception {
        // name, its vars, and how many jobs it has here in all (stuck-jobs over 1 hour: jobs 1 and 4).
        for (List<String> c : List.of(List.of("failed-jobs", "", "2"), List.of("stuck-jobs", "hours=1", "2"), List.of("trial-age", "", "5"))) {
            String name = c.get(0);
            String[] vars = c.get(1).isEmpty() ? new String[0] : new String[] {c.get(1)};
            List<String> all = stable(name, text(name, vars));
            assertThat(all).as(name).hasSize(Integer.parseInt(c.get(2)) + 1);
            for (int cap = 1; cap < all.size() - 1; cap++) {
                List<String> args = new java.util.ArrayList<>(List.of(name, "-o", "text", "--var", "max_jobs=" + cap));
                for (String v : vars) {
                    args.addAll(List.of("--var", v));
                }
                Cli.Result capped = report(args.toArray(String[]::new));
                assertThat(capped.code()).isZero();
                // The first rows of the uncapped report, and one line on stderr (never in the results) on how many there are.
                assertThat(stable(name, capped.out())).as(name + " " + cap).isEqualTo(all.subList(0, cap + 1));
                assertThat(capped.err()).isEqualTo("report " + name + ": " + cap + " of " + c.get(2) + " jobs shown; --var max_jobs=N shows more\n");
            }
            // Exactly max_jobs: nothing is left out, nothing is said.
            List<String> exact = new java.util.ArrayList<>(List.of(vars));
            exact.add("max_jobs=" + c.get(2));
            assertThat(stable(name, text(name, exact.toArray(String[]::new)))).isEqualTo(all);
            Path page = home.resolve(name + ".html");
            List<String> args = new java.util.ArrayList<>(List.of(name, "-o", "html", "--out", page.toString(), "--var", "max_jobs=1"));
            for (String v : vars) {
                args.addAll(List.of("--var", v));
            }
            assertThat(report(args.toArray(String[]::new)).err()).isEmpty();
            assertThat(Files.readString(page)).contains("<dt>Jobs</dt><dd>showing 1 of " + c.get(2) + " jobs, the first in the report&#39;s order:"
                    + " raise --var max_jobs to see the others</dd>").contains("<dt>Rows</dt><dd>1</dd>");
            args.set(6, "max_jobs=1000");
            report(args.toArray(String[]::new));
            assertThat(Files.readString(page)).contains("<dt>Jobs</dt><dd>all " + c.get(2) + " jobs</dd>");
        }
        // In the shell too.
        Cli.Result inShell = Cli.run(home, "", "--db", db, "-o", "csv", "-e", "REPORT failed-jobs max_jobs=1");
        assertThat(inShell.out().lines()).hasSize(2);
        assertThat(inShell.err()).contains("report failed-jobs: 1 of 2 jobs shown");
        // A whole number written as a decimal caps as the SQL reads it, and says so.
        Cli.Result decimal = Cli.run(home, "", "--db", db, "-o", "csv", "-e", "REPORT failed-jobs max_jobs=1.0");
        assertThat(decimal.out().lines()).hasSize(2);
        assertThat(decimal.err()).contains("report failed-jobs: 1 of 2 jobs shown");
    }

    /** A report's text lines; trial-age's without its age in minutes, which ticks while the test runs. */
    private static List<String> stable(String name, String text) {
        return text.lines().map(line -> name.equals("trial-age") ? line.replaceFirst("^((?:[^\\t]*\\t){6})[^\\t]*", "$1") : line).toList();
    }

    @Test
    void aMaxJobsThatIsNoWholeNumberFromOneIsAOneLineError() {
        for (String name : List.of("failed-jobs", "stuck-jobs", "trial-age")) {
            for (String n : List.of("0", "-1", "null", "1.5", "9223372036854775807")) {
                Cli.Result result = Cli.run(home, "", "--db", db, "report", name, "-o", "csv", "--var", "max_jobs=" + n);
                assertThat(result.code()).as(name + " " + n).isNotZero();
                assertThat(result.err()).as(name + " " + n).contains("max_jobs is a whole number from 1 to 2147483647, not " + n).hasLineCount(1);
                assertThat(result.out()).isEmpty();
            }
        }
    }

    @Test
    void aUserReportIsFoundListedAndItsMissingVariableNamesItself() throws Exception {
        // Owner-only, as nasql makes it: a folder others can read would add a warning line to stderr.
        Files.createDirectories(home.resolve(".nasql"), java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        Path folder = Files.createDirectories(home.resolve(".nasql").resolve("reports"));
        Files.writeString(folder.resolve("team-jobs.sql"), "-- Jobs of one team.\nSELECT nasJobsId FROM google.aiplatform.nas_jobs"
                + " WHERE json_value(labels, '$.team') = '{{ team }}' ORDER BY nasJobsId;\n");
        assertThat(report("--list").out()).containsPattern("(?m)^team-jobs +Jobs of one team.$").contains("jobs-by-state ");
        assertThat(text("team-jobs", "team=vision")).isEqualTo("nasJobsId\n1\n2\n");
        Cli.Result missing = report("team-jobs");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("team-jobs.sql:2:").contains("no value for template variable 'team'");
        assertThat(report("no-such-report").err()).contains("no report named 'no-such-report'");
    }

    @Test
    void aReportThatWouldWriteIsRefusedBeforeAnyOfItsStatementsRuns() throws Exception {
        Files.createDirectories(home.resolve(".nasql"), java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        Path folder = Files.createDirectories(home.resolve(".nasql").resolve("reports"));
        for (String write : List.of("DELETE FROM google.aiplatform.nas_jobs WHERE state = 'JOB_STATE_FAILED'",
                "UPDATE google.aiplatform.nas_jobs SET displayName = 'x'", "SET max_age = 0",
                "WITH f AS (SELECT 1) DELETE FROM google.aiplatform.nas_trials", "DROP TABLE google.aiplatform.sync_runs")) {
            Files.writeString(folder.resolve("purge.sql"), "-- Purges.\nSELECT COUNT(*) FROM google.aiplatform.nas_jobs;\n" + write + ";\n");
            Cli.Result result = report("purge", "-o", "text");
            assertThat(result.code()).as(write).isEqualTo(1);
            assertThat(result.err()).as(write).contains("purge.sql:3").contains("a report runs only queries");
            assertThat(result.out()).as("the report's first query did not run either").isEmpty();
        }
        assertThat(text("jobs-by-state")).contains("JOB_STATE_FAILED\t1");
        Cli.Result inShell = Cli.run(home, "", "--db", db, "-o", "text", "-e", "REPORT purge");
        assertThat(inShell.err()).contains("a report runs only queries");
        try (var jdbc = inventory.connection().createStatement();
             var rs = jdbc.executeQuery("SELECT COUNT(*) FROM google.aiplatform.nas_trials")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(6);
        }
    }

    @Test
    void plainSqlNeverChangesTheResourcesTable() {
        // Forms that the write-through verbs' patterns do not catch, so they reach the plain SQL handler.
        for (String write : List.of("DELETE FROM google . aiplatform . nas_jobs WHERE state = 'JOB_STATE_FAILED'",
                "INSERT INTO google . aiplatform . \"NAS_JOBS\" (\"projectsId\") VALUES ('x')",
                "DROP TABLE IF EXISTS google.aiplatform.nas_jobs", "ALTER TABLE google.aiplatform.nas_jobs ADD COLUMN x INT",
                "WITH f AS (SELECT 1) DELETE FROM google.aiplatform.nas_jobs", "DELETE FROM google.aiplatform.nas_job_summaries",
                "UPDATE google.aiplatform.nas_job_documents SET \"nasJobSpec\" = NULL", "DROP VIEW google.aiplatform.nas_jobs")) {
            Cli.Result result = Cli.run(home, "", "--db", db, "-o", "text", "-e", write);
            assertThat(result.code()).as(write).isEqualTo(1);
            assertThat(result.err()).as(write).contains("google.aiplatform.nas_jobs changes only through the API");
        }
        assertThat(text("jobs-by-state")).contains("JOB_STATE_FAILED\t1");
    }

    @Test
    void theShellRunsReportsToo() {
        Cli.Result result = Cli.run(home, "", "--db", db, "-o", "csv", "-e", "REPORT stuck-jobs hours=1");
        assertThat(result.out().lines().count()).isEqualTo(3);
    }

    @Test
    void htmlIsOneWellFormedSelfContainedPageThatEscapesHostileNames() throws Exception {
        Path out = home.resolve("report.html");
        assertThat(report("jobs-by-state", "-o", "html", "--out", out.toString()).code()).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("<svg").contains("<rect").contains("JOB_STATE_RUNNING")
                .contains("Inventory</dt><dd>5 jobs; 6 scopes of 5 projects synced, 4 failed or denied");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:").doesNotContain("https:")
                .doesNotContain("<script").doesNotContain("<link");
        Path stuck = home.resolve("stuck.html");
        report("stuck-jobs", "-o", "html", "--out", stuck.toString());
        String stuckHtml = Files.readString(stuck);
        assertThat(stuckHtml).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        for (String page : List.of(html, stuckHtml)) {
            DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(page.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
        }
    }
}
