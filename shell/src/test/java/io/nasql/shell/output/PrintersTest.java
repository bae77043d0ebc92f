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
    void csvFollowsRfc4180() throws Exception {
        assertThat(print(OutputFormat.CSV, sample())).isEqualTo(
                "displayName,trials,best,satisfiesPzs,labels,endTime\r\n"
                        + "\"mnasnet, v2\",20,0.8125,false,\"{\"\"team\"\":\"\"vision\"\"}\",2026-11-01T10:00Z\r\n"
                        + "\"say \"\"hi\"\"\",5,,true,,\r\n");
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
}
