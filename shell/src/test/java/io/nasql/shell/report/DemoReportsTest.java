package io.nasql.shell.report;

import static io.nasql.shell.report.ChartReportsTest.all;
import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.shell.cli.Cli;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The chart reports end to end, as a user first meets them: {@code --demo report NAME -o html}, over the
 * emulator's sample jobs synced by the real client, draws charts (not only "no data").
 */
class DemoReportsTest {
    @TempDir
    Path home;

    private Document demoReport(String name) throws Exception {
        Path out = home.resolve(name + ".html");
        Cli.Result result = Cli.run(home, "", "--demo", "report", name, "-o", "html", "--out", out.toString());
        assertThat(result.code()).as(result.err()).isZero();
        String page = Files.readString(out);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(page.replace("<!DOCTYPE html>", "").getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theDemosTradeOffDrawsScattersWithTheirParetoFronts() throws Exception {
        Document page = demoReport("trade-off");
        List<Element> figures = all(page, "//figure[contains(@class,'trade-off')]");
        // The demo's latency-aware jobs (MnasNet, TuNAS) record accuracy and latency in every trial.
        assertThat(figures).isNotEmpty();
        for (Element figure : figures) {
            assertThat(all(figure, ".//svg[@role='img']")).hasSize(1);
            List<Element> front = all(figure, ".//circle[@class='point front']");
            assertThat(front).isNotEmpty();
            // The front is listed under its chart, one row per trial on it.
            assertThat(all(figure, ".//table[@class='front']/tbody/tr")).hasSameSizeAs(front);
            assertThat(figure.getTextContent()).contains("top1_accuracy (higher is better)").contains("latency_ms (ms, lower is better)");
        }
        // Where the page says a job has one metric only, it draws no chart for it.
        assertThat(all(page, "//p[@class='nodata']")).isEmpty();
        assertThat(all(page, "//dt[.='Variables']/following-sibling::dd[1]").get(0).getTextContent())
                .isEqualTo("job = '', project = '', trials = search, other_goal = '', max_jobs = 40");
        assertThat(all(page, "//dt[.='Jobs']/following-sibling::dd[1]").get(0).getTextContent())
                .matches("all \\d+ jobs that match|showing the 40 created last of more jobs that match: .*");
    }

    @Test
    void theDemosSearchProgressDrawsAChartPerJobWithTrials() throws Exception {
        Document page = demoReport("search-progress");
        List<Element> figures = all(page, "//figure[contains(@class,'progress')]");
        assertThat(figures).hasSizeGreaterThan(1);
        long drawn = figures.stream().filter(f -> {
            try {
                return !all(f, ".//svg//circle[@class='point search']").isEmpty() && !all(f, ".//polyline[@class='running-best']").isEmpty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).count();
        assertThat(drawn).isGreaterThan(1);
    }
}
