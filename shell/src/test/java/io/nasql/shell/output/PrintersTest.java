package io.nasql.shell.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrintersTest {
    private static ListRows sample() {
        return new ListRows(List.of(
                new Column("displayName", Column.Kind.TEXT),
                new Column("trials", Column.Kind.NUMBER),
                new Column("best", Column.Kind.NUMBER),
                new Column("satisfiesPzs", Column.Kind.BOOLEAN),
                new Column("labels", Column.Kind.JSON),
                new Column("endTime", Column.Kind.TIME)),
                List.of(
                        Arrays.asList("mnasnet, v2", 20, 0.8125, false, "{\"team\":\"vision\"}", "2026-11-01T10:00Z"),
                        Arrays.asList("say \"hi\"", 5, null, true, null, null)));
    }

    private static String print(OutputFormat format, Rows rows) throws Exception {
        StringWriter out = new StringWriter();
        format.printer(out).print(rows);
        return out.toString();
    }

    @Test
    void tableAlignsColumnsRightAlignsNumbersAndShowsNull() throws Exception {
        assertThat(print(OutputFormat.TABLE, sample())).isEqualTo("""
                +-------------+--------+--------+--------------+-------------------+-------------------+
                | displayName | trials | best   | satisfiesPzs | labels            | endTime           |
                +-------------+--------+--------+--------------+-------------------+-------------------+
                | mnasnet, v2 |     20 | 0.8125 | false        | {"team":"vision"} | 2026-11-01T10:00Z |
                | say "hi"    |      5 | NULL   | true         | NULL              | NULL              |
                +-------------+--------+--------+--------------+-------------------+-------------------+
                (2 rows)
                """);
    }

    @Test
    void tableOfNoRowsStillHasItsHeader() throws Exception {
        assertThat(print(OutputFormat.TABLE, ListRows.ofText(List.of("name"), List.of()))).isEqualTo("""
                +------+
                | name |
                +------+
                +------+
                (0 rows)
                """);
    }

    @Test
    void jsonIsOneArrayOfTypedObjectsWithNestedJson() throws Exception {
        assertThat(print(OutputFormat.JSON, sample())).isEqualTo("""
                [
                {"displayName":"mnasnet, v2","trials":20,"best":0.8125,"satisfiesPzs":false,"labels":{"team":"vision"},"endTime":"2026-11-01T10:00Z"},
                {"displayName":"say \\"hi\\"","trials":5,"best":null,"satisfiesPzs":true,"labels":null,"endTime":null}
                ]
                """);
        assertThat(print(OutputFormat.JSON, ListRows.ofText(List.of("x"), List.of()))).isEqualTo("[]\n");
    }

    @Test
    void textIsTabSeparatedWithEscapes() throws Exception {
        ListRows rows = ListRows.ofText(List.of("a", "b"), List.of(Arrays.asList("x\ty", null), Arrays.asList("line\nbreak", "c")));
        assertThat(print(OutputFormat.TEXT, rows)).isEqualTo("a\tb\nx\\ty\t\nline\\nbreak\tc\n");
    }

    @Test
    void unknownFormatsAreNamed() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutputFormat.parse("xml"))
                .hasMessageContaining("unknown output format 'xml'");
    }

    @Test
    void csvQuotesAsRfc4180AndEndsLinesWithANewlineUnlessCrlfIsAsked() throws Exception {
        String lf = "displayName,trials,best,satisfiesPzs,labels,endTime\n"
                + "\"mnasnet, v2\",20,0.8125,false,\"{\"\"team\"\":\"\"vision\"\"}\",2026-11-01T10:00Z\n"
                + "\"say \"\"hi\"\"\",5,,true,,\n";
        assertThat(print(OutputFormat.CSV, sample())).isEqualTo(lf).doesNotContain("\r");
        StringWriter crlf = new StringWriter();
        OutputFormat.CSV.printer(crlf, new PrinterOptions(false, true)).print(sample());
        assertThat(crlf.toString()).isEqualTo(lf.replace("\n", "\r\n"));
        // A line break inside a field is quoted, not a record end.
        assertThat(print(OutputFormat.CSV, ListRows.ofText(List.of("a"), List.of(List.of("x\ny"))))).isEqualTo("a\n\"x\ny\"\n");
    }

    @Test
    void jsonLinesIsOneTypedObjectPerLineAndStreams() throws Exception {
        assertThat(print(OutputFormat.JSONL, sample())).isEqualTo("""
                {"displayName":"mnasnet, v2","trials":20,"best":0.8125,"satisfiesPzs":false,"labels":{"team":"vision"},"endTime":"2026-11-01T10:00Z"}
                {"displayName":"say \\"hi\\"","trials":5,"best":null,"satisfiesPzs":true,"labels":null,"endTime":null}
                """);
        assertThat(print(OutputFormat.JSONL, ListRows.ofText(List.of("x"), List.of()))).isEmpty();
        // Rows reach the writer while the result is still being read.
        StringWriter out = new StringWriter();
        Rows rows = new Rows() {
            long n;

            @Override
            public List<Column> columns() {
                return List.of(new Column("n", Column.Kind.NUMBER));
            }

            @Override
            public boolean next() {
                if (n == 1000) {
                    assertThat(out.toString().lines().count()).isGreaterThanOrEqualTo(768);
                    return false;
                }
                n++;
                return true;
            }

            @Override
            public Object value(int column) {
                return n;
            }
        };
        OutputFormat.JSONL.printer(out).print(rows);
        assertThat(out.toString().lines().toList()).hasSize(1000).startsWith("{\"n\":1}");
    }

    @Test
    void tableShowsControlCharactersEscapedAndCountsWideCharactersTwice() throws Exception {
        ListRows rows = ListRows.ofText(List.of("name", "x"), List.of(
                List.of("evil\u001b[2Jname\u0007", "1"),
                List.of("\u8a13\u7df4\u30b8\u30e7\u30d6", "2"),
                List.of("cafe\u0301", "3")));
        assertThat(print(OutputFormat.TABLE, rows)).isEqualTo("""
                +---------------------+---+
                | name                | x |
                +---------------------+---+
                | evil\\x1b[2Jname\\x07 | 1 |
                | \u8a13\u7df4\u30b8\u30e7\u30d6          | 2 |
                | cafe\u0301                | 3 |
                +---------------------+---+
                (3 rows)
                """).doesNotContain("\u001b");
    }

    @Test
    void verticalIndentsJsonUnderItsFieldAndHighlightsFieldNamesOnlyWithColour() throws Exception {
        java.util.function.Supplier<ListRows> rows = () -> new ListRows(
                List.of(new Column("displayName", Column.Kind.TEXT), new Column("nasJobSpec", Column.Kind.JSON)),
                List.<List<Object>>of(Arrays.asList("a\u001bb",
                        "{\"searchSpaceSpec\":\"mnasnet\",\"metric\":{\"goal\":\"MAXIMIZE\"},\"args\":[1,\"x\\u001b\"],\"e\":{}}")));
        assertThat(print(OutputFormat.VERTICAL, rows.get())).isEqualTo("""
                -[ RECORD 1 ]---
                displayName | a\\x1bb
                nasJobSpec  | {
                            |   "searchSpaceSpec": "mnasnet",
                            |   "metric": {
                            |     "goal": "MAXIMIZE"
                            |   },
                            |   "args": [
                            |     1,
                            |     "x\\u001B"
                            |   ],
                            |   "e": {}
                            | }
                (1 row)
                """);
        StringWriter colour = new StringWriter();
        OutputFormat.VERTICAL.printer(colour, new PrinterOptions(true, false)).print(rows.get());
        assertThat(colour.toString()).contains("\u001b[1mnasJobSpec\u001b[0m  | {")
                .contains("|   \u001b[36m\"metric\"\u001b[0m: {").contains("\"x\\u001B\"");
    }

    @Test
    void verticalKeepsJsonNumbersAsWrittenAndShowsAnObjectWithADuplicateKeyAsItIs() throws Exception {
        ListRows rows = new ListRows(List.of(new Column("spec", Column.Kind.JSON)), List.<List<Object>>of(
                List.of("{\"big\":123456789012345678901234567890.5,\"e\":1E+2,\"f\":1.50,\"i\":12345678901234567890123}"),
                List.of("{\"k\":1,\"k\":2}")));
        String out = print(OutputFormat.VERTICAL, rows);
        assertThat(out).contains("\"big\": 123456789012345678901234567890.5,").contains("\"e\": 1E+2,").contains("\"f\": 1.50,")
                .contains("\"i\": 12345678901234567890123");
        assertThat(out).contains("spec | {\"k\":1,\"k\":2}");
    }

    @Test
    void invisibleAndReorderingCharactersAreEscapedInEveryTextForm() throws Exception {
        // Right-to-left override, line and paragraph separators, a zero-width space, a BOM; ESC, BEL and a C1 control.
        String hostile = "a\u202eb\u2028c\u2029d\u200be\ufefff\u001bg\u0007h\u009bi";
        String shown = "a\\u202eb\\u2028c\\u2029d\\u200be\\ufefff\\x1bg\\x07h\\x9bi";
        for (OutputFormat format : List.of(OutputFormat.TABLE, OutputFormat.VERTICAL, OutputFormat.TEXT)) {
            assertThat(print(format, ListRows.ofText(List.of("v"), List.of(List.of(hostile))))).as(format.toString()).contains(shown)
                    .doesNotContain("\u202e").doesNotContain("\u2028").doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u009b");
        }
        // text still doubles a backslash first, so an escape shown is told apart from a backslash sent.
        assertThat(print(OutputFormat.TEXT, ListRows.ofText(List.of("v"), List.of(List.of("x\\u202e\ty"))))).isEqualTo("v\nx\\\\u202e\\ty\n");
    }
}
