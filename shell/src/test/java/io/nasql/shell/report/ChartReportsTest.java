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
import com.google.cloud.aiplatform.v1.NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.GoalType;
import com.google.cloud.aiplatform.v1.NasTrial;
import com.google.protobuf.Timestamp;
import io.nasql.db.Inventory;
import io.nasql.db.InventoryStore;
import io.nasql.db.ScopeKey;
import io.nasql.shell.cli.Cli;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * search-progress, trade-off and compare over an inventory of known trials: their rows, and their HTML
 * parsed as XML, each chart drawing exactly the points its data has. No browser needed.
 */
@ParameterizedClass
@MethodSource("io.nasql.db.TestInventories#backends")
class ChartReportsTest {
    @Parameter
    Backend backend;

    private static final ScopeKey P1 = new ScopeKey("p1", "us-central1");
    private static final ScopeKey P2 = new ScopeKey("p2", "europe-west4");
    /** A hostile display name: markup, quotes and an escape character from the API. */
    private static final Instant START = Instant.now().minusSeconds(7200).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    private static final String HOSTILE = "<b>acc & \"lat\"</b>\u001b[31m";

    @TempDir
    Path home;
    String db;
    Inventory inventory;

    /** A trial: its id, state, and its final measurement's metrics as id, value pairs. */
    static NasTrial trial(String id, NasTrial.State state, Object... metrics) {
        NasTrial.Builder trial = NasTrial.newBuilder().setId(id).setState(state);
        if (metrics.length > 0) {
            Measurement.Builder m = Measurement.newBuilder().setStepCount(100);
            for (int i = 0; i < metrics.length; i += 2) {
                m.addMetrics(Measurement.Metric.newBuilder().setMetricId((String) metrics[i]).setValue(((Number) metrics[i + 1]).doubleValue()));
            }
            trial.setFinalMeasurement(m);
        }
        return trial.build();
    }

    static NasJob job(ScopeKey scope, String id, String name, String team, String metric, GoalType goal, List<NasTrial> search,
                              List<NasTrial> train) {
        // Jobs are created a second apart in id order, and each ran for an hour.
        Instant start = START.plusSeconds(Long.parseLong(id));
        Timestamp started = Timestamp.newBuilder().setSeconds(start.getEpochSecond()).build();
        Timestamp ended = Timestamp.newBuilder().setSeconds(start.getEpochSecond() + 3600).build();
        return NasJob.newBuilder()
                .setName("projects/42/locations/" + scope.locationsId() + "/nasJobs/" + id)
                .setDisplayName(name).setState(JobState.JOB_STATE_SUCCEEDED).putLabels("team", team)
                .setCreateTime(started).setStartTime(started).setEndTime(ended).setUpdateTime(ended)
                .setNasJobSpec(NasJobSpec.newBuilder().setMultiTrialAlgorithmSpec(MultiTrialAlgorithmSpec.newBuilder()
                        .setMetric(MultiTrialAlgorithmSpec.MetricSpec.newBuilder().setMetricId(metric).setGoal(goal))))
                .setNasJobOutput(NasJobOutput.newBuilder().setMultiTrialJobOutput(NasJobOutput.MultiTrialJobOutput.newBuilder()
                        .addAllSearchTrials(search).addAllTrainTrials(train)))
                .build();
    }

    @BeforeEach
    void inventoryOfKnownTrials() {
        db = backend == Backend.H2 ? Cli.memoryDb() : TestPostgres.freshGoogle();
        inventory = Inventory.open(db);
        InventoryStore store = new InventoryStore(inventory);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        NasTrial.State ok = NasTrial.State.SUCCEEDED;
        store.replaceScope(P1, List.of(
                // Two metrics: accuracy (the job's, MAXIMIZE) and latency. Trial 4 is dominated by 2; trial 3 failed.
                job(P1, "10", HOSTILE, "vision", "top1_accuracy", GoalType.MAXIMIZE, List.of(
                                trial("1", ok, "top1_accuracy", 0.60, "latency_ms", 10),
                                trial("2", ok, "latency_ms", 20, "top1_accuracy", 0.70),
                                trial("3", NasTrial.State.INFEASIBLE),
                                trial("4", ok, "top1_accuracy", 0.65, "latency_ms", 25),
                                trial("5", ok, "top1_accuracy", 0.80, "latency_ms", 30),
                                trial("6", NasTrial.State.ACTIVE)),
                        List.of(trial("5", ok, "top1_accuracy", 0.82, "latency_ms", 30))),
                // One metric, MINIMIZE.
                job(P1, "11", "latency-only", "speech", "latency_ms", GoalType.MINIMIZE, List.of(
                        trial("1", ok, "latency_ms", 30), trial("2", ok, "latency_ms", 20), trial("3", ok, "latency_ms", 25)), List.of())),
                List.of(), "sync", now);
        store.replaceScope(P2, List.of(
                // Trials, but none finished yet.
                job(P2, "12", "just-started", "vision", "top1_accuracy", GoalType.MAXIMIZE, List.of(trial("1", NasTrial.State.ACTIVE)), List.of())),
                List.of(), "sync", now);
    }

    @AfterEach
    void close() {
        inventory.close();
    }

    private Cli.Result report(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db, "report"));
        all.addAll(List.of(args));
        Cli.Result result = Cli.run(home, "", all.toArray(String[]::new));
        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        return result;
    }

    /** The report's HTML page, parsed as XML (which also proves it well formed). */
    private Document html(String name, String... vars) throws Exception {
        Path out = home.resolve(name + ".html");
        List<String> args = new ArrayList<>(List.of(name, "-o", "html", "--out", out.toString()));
        for (String v : vars) {
            args.add("--var");
            args.add(v);
        }
        report(args.toArray(String[]::new));
        String page = Files.readString(out);
        assertThat(page).doesNotContain("<script").doesNotContain("\u001b");
        assertThat(page.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http:").doesNotContain("https:");
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(page.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> all(Node from, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, from, XPathConstants.NODESET);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    private static Element figure(Document page, String kind, String job) throws Exception {
        List<Element> figures = all(page, "//figure[contains(@class,'" + kind + "') and @data-job='" + job + "']");
        assertThat(figures).hasSize(1);
        return figures.get(0);
    }

    static List<String> titles(Node from, String xpath) throws Exception {
        return all(from, xpath).stream().map(e -> e.getElementsByTagName("title").item(0).getTextContent()).toList();
    }

    @Test
    void searchProgressHasTheRunningBestByTheGoal() {
        String text = report("search-progress", "-o", "text").out();
        List<String> rows = text.lines().skip(1).map(l -> {
            String[] f = l.split("\t", -1);
            return f[2] + " " + f[4] + " " + f[5] + " " + f[6] + " " + f[9] + " " + f[10];
        }).toList();
        assertThat(rows).containsExactly(
                "10 search 1 SUCCEEDED 0.6 0.6", "10 search 2 SUCCEEDED 0.7 0.7", "10 search 3 INFEASIBLE  0.7",
                "10 search 4 SUCCEEDED 0.65 0.7", "10 search 5 SUCCEEDED 0.8 0.8", "10 search 6 ACTIVE  0.8", "10 train 5 SUCCEEDED 0.82 ",
                "11 search 1 SUCCEEDED 30 30", "11 search 2 SUCCEEDED 20 20", "11 search 3 SUCCEEDED 25 20",
                "12 search 1 ACTIVE  ");
        assertThat(report("search-progress", "-o", "text", "--var", "job=11").out().lines()).hasSize(4);
        assertThat(report("search-progress", "-o", "text", "--var", "project=p2").out().lines()).hasSize(2);
    }

    @Test
    void searchProgressDrawsEveryTrialWithAValueAndCountsTheFailed() throws Exception {
        Document page = html("search-progress");
        Element a = figure(page, "progress", "p1/us-central1/10");
        assertThat(a.getElementsByTagName("figcaption").item(0).getTextContent()).startsWith("<b>acc & \"lat\"</b>\\x1b[31m (p1 / us-central1 / 10)");
        assertThat(titles(a, ".//circle[@class='point search']"))
                .containsExactly("search trial 1: 0.6", "search trial 2: 0.7", "search trial 4: 0.65", "search trial 5: 0.8");
        assertThat(titles(a, ".//path[@class='point train']")).containsExactly("train trial 5: 0.82");
        assertThat(titles(a, ".//path[@class='failed']")).containsExactly("search trial 3 failed");
        // The running best steps through the six search trials (the failed and the running one carry it on): 6 points, 5 risers.
        String steps = all(a, ".//polyline[@class='running-best']").get(0).getAttribute("points");
        assertThat(steps.split(" ")).hasSize(11);
        assertThat(a.getTextContent()).contains("top1_accuracy (higher is better)").contains("trial id")
                .contains("4 search trials with a value, 1 train trial; 1 failed, 1 not finished. Best top1_accuracy: 0.82 (train trial 5).");
        // Higher accuracy is drawn higher: trial 5's circle above trial 1's.
        List<Element> circles = all(a, ".//circle[@class='point search']");
        assertThat(Double.parseDouble(circles.get(3).getAttribute("cy"))).isLessThan(Double.parseDouble(circles.get(0).getAttribute("cy")));

        Element b = figure(page, "progress", "p1/us-central1/11");
        assertThat(all(b, ".//circle[@class='point search']")).hasSize(3);
        assertThat(b.getTextContent()).contains("latency_ms (ms, lower is better)").contains("Best latency_ms: 20 (search trial 2)");

        Element c = figure(page, "progress", "p2/europe-west4/12");
        assertThat(all(c, ".//svg")).isEmpty();
        assertThat(all(c, ".//p[@class='nodata']").get(0).getTextContent()).isEqualTo("No finished trial with a value yet.");
    }

    @Test
    void tradeOffMarksTheParetoFrontAndSaysWhenAJobHasOneMetric() throws Exception {
        String text = report("trade-off", "-o", "text").out();
        assertThat(text.lines().findFirst().orElseThrow()).endsWith("otherMetricId\totherGoal\totherValue\tonFront\tjobsPicked\tjobsMatching");
        assertThat(text.lines().skip(1).map(l -> {
            String[] f = l.split("\t", -1);
            return f[2] + ":" + f[5] + ":" + f[8] + ":" + f[11] + ":" + f[12];
        }).toList()).containsExactly("10:1:0.6:10:true", "10:2:0.7:20:true", "10:4:0.65:25:false", "10:5:0.8:30:true",
                "11:1:30::", "11:2:20::", "11:3:25::", "12::::");
        assertThat(report("trade-off", "-o", "text", "--var", "trials=train").out()).contains("10\t" + HOSTILE.substring(0, 4));

        Document page = html("trade-off");
        Element a = figure(page, "trade-off", "p1/us-central1/10");
        assertThat(titles(a, ".//circle[@class='point front']"))
                .containsExactly("trial 1: 0.6 at 10 (on the front)", "trial 2: 0.7 at 20 (on the front)", "trial 5: 0.8 at 30 (on the front)");
        assertThat(titles(a, ".//circle[@class='point other']")).containsExactly("trial 4: 0.65 at 25");
        assertThat(all(a, ".//polyline[@class='front-line']").get(0).getAttribute("points").split(" ")).hasSize(3);
        assertThat(a.getTextContent()).contains("top1_accuracy (higher is better)").contains("latency_ms (ms, lower is better)");
        assertThat(all(a, ".//table[@class='front']/tbody/tr").stream().map(r -> r.getTextContent()).toList())
                .containsExactly("10.610", "20.720", "50.830");
        // Lower latency is drawn further left: the front's trials from left to right in latency order.
        List<Element> front = all(a, ".//circle[@class='point front']");
        assertThat(Double.parseDouble(front.get(0).getAttribute("cx"))).isLessThan(Double.parseDouble(front.get(2).getAttribute("cx")));

        assertThat(all(page, "//figure[@data-job='p1/us-central1/11']")).isEmpty();
        assertThat(all(page, "//ul[@class='single']/li").stream().map(Node::getTextContent).toList())
                .containsExactly("latency-only (p1 / us-central1 / 11): one metric only (latency_ms), no trade-off to draw.",
                        "just-started (p2 / europe-west4 / 12): no finished trial with a value yet.");
        // The page has no table of every trial, only the fronts'.
        assertThat(all(page, "//table[not(@class='front')]")).isEmpty();
    }

    @Test
    void compareDrawsABarPerJobAndMetricWithItsNumbers() throws Exception {
        String csv = report("compare", "-o", "csv", "--var", "jobs=10, 11").out();
        assertThat(csv.lines().toList()).containsExactly(
                "projectsId,locationsId,nasJobsId,displayName,state,metricId,goal,bestValue,trials,failedTrials,failedPercent,runningHours,"
                        + "jobsPicked,jobsMatching",
                "p1,us-central1,11,latency-only,JOB_STATE_SUCCEEDED,latency_ms,MINIMIZE,20,3,0,0.0,1.0,2,2",
                "p1,us-central1,10,\"<b>acc & \"\"lat\"\"</b>\u001b[31m\",JOB_STATE_SUCCEEDED,top1_accuracy,MAXIMIZE,0.82,6,1,16.7,1.0,2,2");
        assertThat(report("compare", "-o", "text", "--var", "label=team:vision").out().lines().skip(1).map(l -> l.split("\t")[2]).toList())
                .containsExactly("10", "12");
        // Of the matching jobs, the ones created last, at most max_jobs, so that a page stays small.
        assertThat(report("compare", "-o", "text", "--var", "max_jobs=2").out().lines().skip(1).map(l -> l.split("\t")[2]).toList())
                .containsExactly("11", "12");
        assertThat(report("search-progress", "-o", "text", "--var", "max_jobs=1").out().lines().skip(1).map(l -> l.split("\t")[2]).distinct())
                .containsExactly("12");

        Document page = html("compare");
        List<Element> figures = all(page, "//figure[contains(@class,'compare')]");
        assertThat(figures).hasSize(2);
        assertThat(figures.get(0).getElementsByTagName("figcaption").item(0).getTextContent())
                .isEqualTo("Best latency_ms (ms, lower is better), per job");
        assertThat(titles(figures.get(0), ".//rect[@class='bar']")).containsExactly("latency-only (p1 / us-central1 / 11): best 20");
        assertThat(titles(figures.get(1), ".//rect[@class='bar']"))
                .containsExactly(HOSTILE.replace("\u001b", "\\x1b") + " (p1 / us-central1 / 10): best 0.82");
        assertThat(figures.get(1).getTextContent()).contains("6 trials \u00b7 16.7% failed \u00b7 1 h");
        // Job 12 has trials but no value yet: it is listed, and its chart says there is nothing to draw.
        assertThat(all(page, "//table/tbody/tr")).hasSize(3);
    }

    /** The page summary's line on the jobs picked: the report's cap never leaves jobs out without a word. */
    private String jobsLine(String name, String... vars) throws Exception {
        List<Element> jobs = all(html(name, vars), "//dt[.='Jobs']/following-sibling::dd[1]");
        return jobs.isEmpty() ? null : jobs.get(0).getTextContent();
    }

    @Test
    void thePageSaysWhenMaxJobsLeftJobsOut() throws Exception {
        for (String name : List.of("search-progress", "trade-off")) {
            assertThat(jobsLine(name)).isEqualTo("all 3 jobs that match");
            assertThat(jobsLine(name, "project=p1")).isEqualTo("all 2 jobs that match");
            // Exactly max_jobs match: nothing is left out.
            assertThat(jobsLine(name, "project=p1", "max_jobs=2")).isEqualTo("all 2 jobs that match");
            // Within a project, the matching jobs are counted.
            assertThat(jobsLine(name, "project=p1", "max_jobs=1")).startsWith("showing 1 of 2 jobs that match, the ones created last: ")
                    .endsWith("raise --var max_jobs to see the others");
            // Over every project they are not (over 500,000 jobs a count takes seconds), but the page still says some are left out.
            assertThat(jobsLine(name, "max_jobs=2")).startsWith("showing the 2 created last of more jobs that match: ");
        }
        assertThat(jobsLine("compare", "max_jobs=2")).startsWith("showing the 2 created last of more jobs that match: ");
        assertThat(jobsLine("compare", "label=team:vision", "max_jobs=2")).isEqualTo("all 2 jobs that match");
        assertThat(jobsLine("compare", "label=team:vision", "max_jobs=1")).startsWith("showing the 1 created last of more jobs that match: ");
        // The columns say it in a pipe too: picked, and matching where counted.
        assertThat(report("search-progress", "-o", "csv", "--var", "project=p1", "--var", "max_jobs=1").out().lines().skip(1).toList())
                .hasSize(3).allMatch(l -> l.endsWith(",1,2"));
        assertThat(report("trade-off", "-o", "csv", "--var", "max_jobs=2").out().lines().skip(1).toList())
                .hasSize(4).allMatch(l -> l.endsWith(",2,"));
        // One job, and the largest max_jobs (its probe's LIMIT max_jobs + 1 does not overflow).
        assertThat(jobsLine("search-progress", "job=11")).isEqualTo("the 1 job that matches");
        for (String name : List.of("search-progress", "trade-off", "compare")) {
            assertThat(jobsLine(name, "max_jobs=2147483647")).isEqualTo("all 3 jobs that match");
        }
        assertThat(jobsLine("jobs-by-state")).isNull();
    }

    @Test
    void aMaxJobsThatIsNoWholeNumberFromOneIsAOneLineError() {
        for (String name : List.of("search-progress", "trade-off", "compare")) {
            // null and 1.5 ran before, as an empty report and as 1.5 jobs; the largest long overflowed max_jobs + 1.
            for (String n : List.of("0", "-1", "-5", "null", "1.5", "9223372036854775807")) {
                Cli.Result result = Cli.run(home, "", "--db", db, "report", name, "--var", "max_jobs=" + n);
                assertThat(result.code()).as(name + " " + n).isNotZero();
                assertThat(result.err()).as(name + " " + n).contains("max_jobs is a whole number from 1 to 2147483647, not " + n).hasLineCount(1);
            }
        }
    }

    @Test
    void pickedJobsWithoutTrialsKeepTheJobsLineAndAreDrawnAsSuch() throws Exception {
        // The newest started job has no trials yet (job 13, a second after 12).
        new InventoryStore(inventory).replaceScope(new ScopeKey("p3", "us-east1"), List.of(
                job(new ScopeKey("p3", "us-east1"), "13", "no-trials", "vision", "top1_accuracy", GoalType.MAXIMIZE, List.of(), List.of())),
                List.of(), "sync", OffsetDateTime.now(ZoneOffset.UTC));
        // Every picked job gives a row, so that the counts are there for the page's Jobs line.
        assertThat(report("search-progress", "-o", "csv", "--var", "max_jobs=1").out().lines().skip(1).toList())
                .containsExactly("p3,us-east1,13,no-trials,,,,,,,,,1,");
        for (String name : List.of("search-progress", "trade-off", "compare")) {
            Document page = html(name, "max_jobs=1");
            assertThat(jobsLine(name, "max_jobs=1")).startsWith("showing the 1 created last of more jobs that match: ");
            assertThat(all(page, "//svg[@role='img']")).as(name).isEmpty();
            // Nothing to draw, and the page says that max_jobs left older jobs out.
            assertThat(all(page, "//p[@class='note']").stream().map(Node::getTextContent).toList()).as(name)
                    .contains("More jobs match than --var max_jobs (1) lets in: raise it to see older ones.");
        }
        assertThat(figure(html("search-progress", "max_jobs=1"), "progress", "p3/us-east1/13").getTextContent()).contains("No trials yet.");
        assertThat(all(html("compare", "max_jobs=1"), "//p[@class='nodata']").get(0).getTextContent())
                .isEqualTo("No jobs to compare: the jobs picked have no trials yet.");
        // With 3 of the 4 jobs picked, two have trials to draw and the third says it has none.
        Document three = html("search-progress", "max_jobs=3");
        assertThat(all(three, "//figure[contains(@class,'progress')]")).hasSize(3);
        assertThat(all(three, "//figure[contains(@class,'progress')]//svg[@role='img']")).hasSize(1);
        assertThat(all(html("compare", "max_jobs=3"), "//p[@class='note']").get(0).getTextContent()).isEqualTo("1 job has no trials yet: 13.");
    }

    @Test
    void aChartWithNoDataSaysSo() throws Exception {
        for (String name : List.of("search-progress", "trade-off")) {
            Document page = html(name, "job=no-such-job");
            assertThat(all(page, "//svg")).isEmpty();
            assertThat(all(page, "//p[@class='nodata']")).hasSize(1);
        }
        Document compare = html("compare", "jobs=no-such-job");
        assertThat(all(compare, "//svg")).isEmpty();
        assertThat(all(compare, "//p[@class='nodata']").get(0).getTextContent()).startsWith("No jobs to compare");
        Document states = html("state-changes", "days=0");
        assertThat(all(states, "//svg")).isEmpty();
        assertThat(all(states, "//p[@class='nodata']")).hasSize(1);
    }

    @Test
    void everyBuiltInReportIsWellFormedXmlAndEachStackedBarDrawsItsRows() throws Exception {
        List<String> names = report("--list").out().lines().map(l -> l.split("\\s+")[0]).toList();
        assertThat(names).contains("search-progress", "trade-off", "compare", "jobs-by-state");
        for (String name : names) {
            Document page = html(name);
            for (Element svg : all(page, "//svg")) {
                assertThat(svg.getAttribute("viewBox")).matches("0 0 \\d+ \\d+");
            }
        }
        Document states = html("jobs-by-state");
        // One segment per (project, state) with jobs: p1 has one succeeded job, p2 one running.
        assertThat(titles(states, "//svg//rect[@class='segment']")).containsExactly("JOB_STATE_SUCCEEDED: 2", "JOB_STATE_SUCCEEDED: 1");
    }

    @Test
    void chartLinesGoWithTheirQueriesInOrder() {
        Report report = Report.parse("two", "-- Two queries.\n-- chart: none\n-- chart: compare table=off x=a\nSELECT 1;\nSELECT 2;\n", "test");
        assertThat(report.chartFor(0)).isNull();
        assertThat(report.chartFor(1).kind()).isEqualTo("compare");
        assertThat(report.chartFor(1).showsTable()).isFalse();
        assertThat(report.chartFor(1).param("x", "b")).isEqualTo("a");
        assertThat(report.chartFor(2)).isNull();
    }
}
