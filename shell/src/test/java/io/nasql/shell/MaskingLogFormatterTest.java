package io.nasql.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

class MaskingLogFormatterTest {
    @Test
    void libraryLogLinesKeepTheirShapeWithoutTheirSecrets() {
        LogRecord record = new LogRecord(Level.INFO, "connecting to {0} with authorization: Bearer ya29.abcDEF");
        record.setParameters(new Object[] {"jdbc:postgresql://db/nasql?user=me&password=hunter2secret"});
        record.setLoggerName("some.library");
        String line = new MaskingLogFormatter(new SimpleFormatter()).format(record);
        assertThat(line).contains("INFO: connecting to jdbc:postgresql://db/nasql?user=me&password=*** with authorization: Bearer ***")
                .doesNotContain("hunter2secret").doesNotContain("abcDEF");
    }
}
