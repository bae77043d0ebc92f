package io.nasql.shell.report;

import static io.nasql.shell.report.ChartReportsTest.all;
import static io.nasql.shell.report.ChartReportsTest.job;
import static io.nasql.shell.report.ChartReportsTest.titles;
import static io.nasql.shell.report.ChartReportsTest.trial;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.GoalType;
import com.google.cloud.aiplatform.v1.NasTrial;
import io.nasql.db.Inventory;
import io.nasql.db.InventoryStore;
import io.nasql.db.ScopeKey;
import io.nasql.shell.cli.Cli;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The reports' edge cases: a NaN metric, identical trials on a front, a MINIMIZE job with two metrics,
 * values an ulp apart and in the billions, a single trial, a label key with '-', a label without a colon.
 */
class ChartEdgeCasesTest {
    private static final ScopeKey P = new ScopeKey("p9", "us-central1");
    private static final NasTrial.State OK = NasTrial.State.SUCCEEDED;

    @TempDir
    Path home;
    String db;
    Inventory inventory;

    @BeforeEach
    void inventoryOfEdgeCases() {
        db = Cli.memoryDb();
        inventory = Inventory.open(db);
        new InventoryStore(inventory).replaceScope(P, List.of(
                // A NaN in the middle: shown, but neither the running best nor the best.
                job(P, "20", "nan-job", "vision", "acc", GoalType.MAXIMIZE, List.of(
                        trial("1", OK, "acc", 0.5, "latency_ms", 10), trial("2", OK, "acc", Double.NaN, "latency_ms", 5),
                        trial("3", OK, "acc", 0.7, "latency_ms", Double.NaN)), List.of()).toBuilder().putLabels("cost-center", "x1").build(),
                // MINIMIZE with two metrics; trials 1 and 2, 3 and 4 are identical: both of each pair are on the front.
                job(P, "21", "ties", "speech", "loss", GoalType.MINIMIZE, List.of(
                        trial("1", OK, "loss", 0.3, "latency_ms", 10), trial("2", OK, "loss", 0.3, "latency_ms", 10),
                        trial("3", OK, "loss", 0.2, "latency_ms", 20), trial("4", OK, "loss", 0.2, "latency_ms", 20),
                        trial("5", OK, "loss", 0.4, "latency_ms", 15), trial("6", OK, "loss", 0.2, "latency_ms", 25)), List.of()),
                // Rewards in the billions; a throughput (higher is better) whose two values are an ulp apart.
                job(P, "22", "huge", "rl", "reward", GoalType.MAXIMIZE, List.of(
                        trial("1", OK, "reward", 1.2e9, "images_per_sec", 100000.0),
                        trial("2", OK, "reward", 1.6e9, "images_per_sec", Math.nextUp(100000.0))), List.of()),
                // One trial; its other metric names a bitmap, not a mAP: a cost.
                job(P, "23", "single", "vision", "acc", GoalType.MAXIMIZE, List.of(
                        trial("1", OK, "acc", 0.5, "bitmap_kb", 3)), List.of())),
                List.of(), "sync", OffsetDateTime.now(ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        inventory.close();
    }

    private Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db, "report"));
        all.addAll(List.of(args));
        return Cli.run(home, "", all.toArray(String[]::new));
    }

    private List<String> text(String... args) {
        Cli.Result result = run(args);
        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        return result.out().lines().skip(1).toList();
    }

    private Document html(String name, String... vars) throws Exception {
        Path out = home.resolve(name + ".html");
        List<String> args = new ArrayList<>(List.of(name, "-o", "html", "--out", out.toString()));
        for (String v : vars) {
            args.addAll(List.of("--var", v));
        }
        Cli.Result result = run(args.toArray(String[]::new));
        assertThat(result.err()).isEmpty();
        assertThat(result.code()).isZero();
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readString(out).replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> columns(List<String> lines, int... fields) {
        return lines.stream().map(l -> {
            String[] f = l.split("\t", -1);
            StringBuilder s = new StringBuilder();
            for (int i : fields) {
                s.append(s.isEmpty() ? "" : " ").append(f[i]);
            }
            return s.toString();
        }).toList();
    }

    @Test
    void aNanMetricIsShownButNeverTheBest() throws Exception {
        // nasJobsId, trialId, metricValue, runningBest
        assertThat(columns(text("search-progress", "-o", "text", "--var", "job=20"), 2, 5, 9, 10))
                .containsExactly("20 1 0.5 0.5", "20 2 NaN 0.5", "20 3 0.7 0.7");
        assertThat(columns(text("compare", "-o", "text", "--var", "jobs=20"), 2, 7)).containsExactly("20 0.7");
        // trade-off: the NaN trial is left out, and a NaN other value is no value.
        assertThat(columns(text("trade-off", "-o", "text", "--var", "job=20"), 5, 11, 12)).containsExactly("1 10 true", "3  ");

        Element progress = all(html("search-progress", "job=20"), "//figure[@data-job='p9/us-central1/20']").get(0);
        assertThat(titles(progress, ".//circle[@class='point search']")).containsExactly("search trial 1: 0.5", "search trial 3: 0.7");
        assertThat(progress.getTextContent()).contains("1 without a numeric value").contains("Best acc: 0.7 (search trial 3)");
        assertThat(all(html("compare", "jobs=20"), "//rect[@class='bar']")).hasSize(1);
    }

    @Test
    void identicalTrialsAreOnTheFrontTogetherAndMinimizeIsLowerBetter() throws Exception {
        assertThat(columns(text("trade-off", "-o", "text", "--var", "job=21"), 5, 7, 10, 12))
                .containsExactly("1 MINIMIZE MINIMIZE true", "2 MINIMIZE MINIMIZE true", "3 MINIMIZE MINIMIZE true",
                        "4 MINIMIZE MINIMIZE true", "5 MINIMIZE MINIMIZE false", "6 MINIMIZE MINIMIZE false");
        Element figure = all(html("trade-off", "job=21"), "//figure[@data-job='p9/us-central1/21']").get(0);
        assertThat(all(figure, ".//circle[@class='point front']")).hasSize(4);
        assertThat(all(figure, ".//table[@class='front']/tbody/tr")).hasSize(4);
    }

    @Test
    void theOtherMetricsDirectionIsGuessedByWholeWordsOrGiven() {
        // images_per_sec is a rate (higher is better): trial 2 dominates 1. bitmap_kb is a cost, though it holds "map".
        assertThat(columns(text("trade-off", "-o", "text"), 2, 5, 10, 12))
                .contains("22 1 MAXIMIZE false", "22 2 MAXIMIZE true", "23 1 MINIMIZE true");
        assertThat(columns(text("trade-off", "-o", "text", "--var", "job=22", "--var", "other_goal=minimize"), 5, 10, 12))
                .containsExactly("1 MINIMIZE true", "2 MINIMIZE true");
        Cli.Result wrong = run("trade-off", "-o", "text", "--var", "other_goal=up");
        assertThat(wrong.code()).isNotZero();
        assertThat(wrong.err()).contains("other_goal is MAXIMIZE or MINIMIZE, not up").hasLineCount(1);
    }

    @Test
    void valuesAnUlpApartOrInTheBillionsDrawWithShortTickLabels() throws Exception {
        for (String report : List.of("search-progress", "trade-off")) {
            Element figure = all(html(report, "job=22"), "//figure[@data-job='p9/us-central1/22']").get(0);
            List<String> ticks = all(figure, ".//*[@class='tick']").stream().map(Element::getTextContent).toList();
            assertThat(ticks).isNotEmpty().allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(6));
            assertThat(ticks).anySatisfy(t -> assertThat(t).endsWith("G"));
        }
    }

    @Test
    void aSingleTrialDrawsAPointOnItsFront() throws Exception {
        Document progress = html("search-progress", "job=23");
        assertThat(all(progress, "//circle[@class='point search']")).hasSize(1);
        Document tradeOff = html("trade-off", "job=23");
        assertThat(titles(tradeOff, "//circle[@class='point front']")).containsExactly("trial 1: 0.5 at 3 (on the front)");
    }

    @Test
    void aLabelKeyMayHoldADashAndALabelWithoutColonIsAnError() {
        assertThat(columns(text("compare", "-o", "text", "--var", "label=cost-center:x1"), 2)).containsExactly("20");
        assertThat(columns(text("compare", "-o", "text", "--var", "label=team:vision"), 2)).containsExactly("20", "23");
        Cli.Result noColon = run("compare", "-o", "text", "--var", "label=team");
        assertThat(noColon.code()).isNotZero();
        assertThat(noColon.err()).contains("label is KEY:VALUE, as in team:vision, not team").hasLineCount(1);
    }
}
