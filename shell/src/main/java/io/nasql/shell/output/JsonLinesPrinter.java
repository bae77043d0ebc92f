package io.nasql.shell.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.Writer;

/**
 * JSON Lines: one object per row and line, keyed by column label, typed as {@code -o json} types them.
 * Each row is written as it is read, so a consumer ({@code jq}, {@code head}) sees rows while the
 * query runs and a result of any size streams; an empty result prints nothing.
 */
final class JsonLinesPrinter implements ResultPrinter {
    private final Writer out;

    JsonLinesPrinter(Writer out) {
        this.out = out;
    }

    @Override
    public long print(Rows rows) throws Exception {
        long count = 0;
        try (JsonGenerator json = JsonPrinter.FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setRootValueSeparator(null);
            while (rows.next()) {
                json.writeStartObject();
                JsonPrinter.writeFields(json, rows, rows.columns());
                json.writeEndObject();
                json.writeRaw('\n');
                count++;
                if (count % 256 == 0) {
                    json.flush();
                }
            }
            json.flush();
        }
        out.flush();
        return count;
    }
}
