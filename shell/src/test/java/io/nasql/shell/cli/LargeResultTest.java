package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Printers stream, and so do queries on both backends: a million rows print through a 128 MB heap. */
class LargeResultTest {
    @Test
    void aMillionRowCsvPrintsInA128MegabyteHeap(@TempDir Path home) throws Exception {
        printsAMillionRows(home, "jdbc:h2:file:" + home.resolve("google"),
                "SELECT X AS n, 'job-' || X AS name, REPEAT('x', 40) AS pad FROM SYSTEM_RANGE(1, 1000000)");
    }

    @Test
    void aMillionRowCsvFromPostgresqlPrintsInA128MegabyteHeap(@TempDir Path home) throws Exception {
        // The PostgreSQL driver holds a whole result in memory unless it is fetched in batches: this would not fit.
        printsAMillionRows(home, TestPostgres.freshGoogle(),
                "SELECT x AS n, 'job-' || x AS name, repeat('x', 40) AS pad FROM generate_series(1, 1000000) x");
    }

    private static void printsAMillionRows(Path home, String db, String query) throws Exception {
        Process nasql = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"), "io.nasql.shell.Main",
                "--db", db, "-o", "csv", "-e", query)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        long lines = 0;
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(nasql.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                lines++;
                last = line;
            }
        }
        assertThat(nasql.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(nasql.exitValue()).isZero();
        assertThat(lines).isEqualTo(1_000_001);
        assertThat(last).isEqualTo("1000000,job-1000000," + "x".repeat(40));
    }
}
