package io.nasql.shell.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Scale's ticks and labels and Html's text at their edges: ulps, billions, NaN, half a surrogate pair. */
class ScaleAndHtmlTest {

    @Test
    void valuesAnUlpApartGetAFewTicksNotAnEndlessLoop() {
        List<Double> ticks = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Scale.of(100000.0, Math.nextUp(100000.0), 0, 500, 5).ticks());
        assertThat(ticks).hasSizeBetween(2, 12).isSorted().doesNotHaveDuplicates();
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> Scale.padded(1e300, Math.nextUp(1e300), 0, 500, 5).ticks()))
                .hasSizeBetween(2, 12);
    }

    @Test
    void tickLabelsStayShortWhateverTheMagnitude() {
        Scale billions = Scale.of(1.2e9, 1.6e9, 0, 500, 5);
        assertThat(billions.ticks().stream().map(billions::label)).contains("1.2G", "1.6G");
        Scale huge = Scale.of(0, 1e300, 0, 500, 5);
        assertThat(huge.ticks().stream().map(huge::label)).contains("0", "1.0e300").allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(8));
        Scale tiny = Scale.of(0, 3e-7, 0, 500, 5);
        assertThat(tiny.ticks().stream().map(tiny::label)).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(7));
        Scale usual = Scale.of(0.6, 0.8, 0, 500, 5);
        assertThat(usual.ticks().stream().map(usual::label)).contains("0.60", "0.80");
        assertThat(Charts.leftMargin(billions)).isLessThan(Charts.leftMargin(Scale.of(-1.25e9, 1.6e9, 0, 500, 7)) + 1);
    }

    @Test
    void nanAndInfinitiesArePrintedNotThrown() {
        assertThat(Html.number(Double.NaN)).isEqualTo("NaN");
        assertThat(Html.number(Double.POSITIVE_INFINITY)).isEqualTo("\u221e");
        assertThat(Html.number(Double.NEGATIVE_INFINITY)).isEqualTo("-\u221e");
        assertThat(Html.number(0.83351)).isEqualTo("0.83351");
    }

    @Test
    void halfASurrogatePairBecomesTheReplacementCharacter() {
        assertThat(Html.escape("a\ud800b")).isEqualTo("a\ufffdb");
        assertThat(Html.escape("x\udc00")).isEqualTo("x\ufffd");
        assertThat(Html.escape("\ud83d\ude00 ok")).isEqualTo("\ud83d\ude00 ok");
    }

    @Test
    void shortenedTextIsCutBetweenCodePoints() {
        String grin = "\ud83d\ude00";
        // 4 code points, 8 UTF-16 units: cut to 3 code points, the emoji whole.
        assertThat(Html.shorten(grin.repeat(4), 3)).isEqualTo(grin + grin + "\u2026");
        assertThat(Html.shorten("ab" + grin, 3)).isEqualTo("ab" + grin);
        assertThat(Html.shorten("abcdef", 4)).isEqualTo("abc\u2026");
        assertThat(Html.escape(Html.shorten("a" + grin + "bcd", 3))).doesNotContain("\ufffd");
    }

    @Test
    void aCutLegendEntryKeepsItsFullNameAsATooltip() {
        String v6 = "a-series-name-longer-than-the-legend-v6";
        String v7 = "a-series-name-longer-than-the-legend-v7";
        String emoji = "1234567890123456789\ud83d\ude00\ud83d\ude00\ud83d\ude00";
        ResultTable rows = new ResultTable(List.of(new io.nasql.shell.output.Column("x", io.nasql.shell.output.Column.Kind.TEXT),
                new io.nasql.shell.output.Column("series", io.nasql.shell.output.Column.Kind.TEXT),
                new io.nasql.shell.output.Column("value", io.nasql.shell.output.Column.Kind.NUMBER)),
                List.of(List.<Object>of("a", v6, 1), List.<Object>of("a", v7, 2), List.<Object>of("a", emoji, 3)));
        String svg = StackedBarChart.render(new ChartSpec("stacked-bar", java.util.Map.of()), rows);
        assertThat(svg).contains("<title>" + v6 + "</title>", "<title>" + v7 + "</title>", "<title>" + emoji + "</title>")
                .doesNotContain("\ufffd");
    }

    @Test
    void chartTextIsLegibleInAPhoneWideWindow() {
        String page = HtmlReport.render(Report.parse("r", "-- r.\nSELECT 1;\n", "test"), java.util.Map.of(), List.of());
        Matcher narrow = Pattern.compile("@media \\(max-width:640px\\)\\{body\\{margin:([.\\d]+)em\\}(.*?)\\}\\}").matcher(page);
        assertThat(narrow.find()).isTrue();
        // At 360 px, less the body's margins (16 px to the em), a 600-unit chart is drawn at this scale.
        double scale = (360 - 2 * 16 * Double.parseDouble(narrow.group(1))) / 600;
        Matcher sizes = Pattern.compile("svg (?:text|\\.tick|\\.bar-note|\\.legend)[^{]*\\{font-size:(\\d+)px").matcher(narrow.group(2));
        int found = 0;
        while (sizes.find()) {
            found++;
            assertThat(Integer.parseInt(sizes.group(1)) * scale).as("text px at 360 px").isGreaterThanOrEqualTo(11);
        }
        assertThat(found).isGreaterThanOrEqualTo(2);
    }
}
