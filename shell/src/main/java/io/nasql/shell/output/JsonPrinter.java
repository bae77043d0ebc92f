package io.nasql.shell.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/**
 * One JSON array per result, one object per row keyed by column label: numbers and booleans
 * typed, JSON columns nested as JSON, times as ISO-8601 strings.
 */
final class JsonPrinter implements ResultPrinter {
    static final JsonFactory FACTORY = new JsonFactory();

    private final Writer out;

    JsonPrinter(Writer out) {
        this.out = out;
    }

    @Override
    public long print(Rows rows) throws Exception {
        List<Column> columns = rows.columns();
        long count = 0;
        out.write("[");
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            // Rows are separated by our own ",\n", not Jackson's space between root values.
            json.setRootValueSeparator(null);
            while (rows.next()) {
                json.writeRaw(count == 0 ? "\n" : ",\n");
                json.writeStartObject();
                writeFields(json, rows, columns);
                json.writeEndObject();
                count++;
            }
            json.flush();
        }
        out.write(count == 0 ? "]\n" : "\n]\n");
        out.flush();
        return count;
    }

    /** The fields of the current row, keyed by column label. */
    static void writeFields(JsonGenerator json, Rows rows, List<Column> columns) throws Exception {
        for (int i = 0; i < columns.size(); i++) {
            json.writeFieldName(columns.get(i).label());
            write(json, columns.get(i).kind(), rows.value(i));
        }
    }

    private static void write(JsonGenerator json, Column.Kind kind, Object value) throws Exception {
        if (value == null) {
            json.writeNull();
        } else if (kind == Column.Kind.JSON) {
            json.writeRawValue(value.toString());
        } else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (value instanceof BigDecimal d) {
            json.writeNumber(d);
        } else if (value instanceof Double || value instanceof Float) {
            json.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof Number n) {
            json.writeNumber(n.longValue());
        } else {
            json.writeString(Values.text(value));
        }
    }
}
