package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.InventoryException;
import io.nasql.shell.error.ErrorReporter;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {
    @Test
    void theErrorLineAndTheDebugTraceMaskPasswords() {
        StringWriter err = new StringWriter();
        Exception e = new InventoryException("inventory postgresql://me:hunter2secret@db/nasql: refused",
                new IllegalStateException("jdbc:h2:tcp://host/x;PASSWORD=hunter2secret"));
        new ErrorReporter(new PrintWriter(err), true, false).report(e);
        assertThat(err.toString()).startsWith("error: inventory postgresql://me:***@db/nasql: refused\n")
                .contains("Caused by: java.lang.IllegalStateException: jdbc:h2:tcp://host/x;PASSWORD=***")
                .doesNotContain("hunter2secret");
    }
}
