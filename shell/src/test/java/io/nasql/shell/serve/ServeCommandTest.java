package io.nasql.shell.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nasql.emulator.EmulatorClock;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.shell.cli.Cli;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `nasql serve` as a process: PostgreSQL's JDBC driver and the real psql read through it and are refused writes. */
class ServeCommandTest {
    private static final Pattern FIRST_LINE =
            Pattern.compile("nasql serve listening on postgresql://nasql:([A-Za-z0-9]{20})@127\\.0\\.0\\.1:(\\d+)/google");
    private static final Path PSQL = Path.of("/usr/bin/psql");

    @Test
    void psqlAndJdbcReadTheInventoryThroughServeAndEveryWriteIsRefused(@TempDir Path home) throws Exception {
        String db = "jdbc:h2:file:" + home.resolve("google");
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("proj-001"), List.of("us-central1"), 4, 3), EmulatorClock.system(1))) {
            Cli.Result sync = Cli.run(home, "", "--db", db, "--endpoint", emulator.endpoint(), "--plaintext",
                    "--projects", "proj-001", "--locations", "us-central1", "sync");
            assertThat(sync.code()).as(sync.err()).isZero();
        }
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.nasql.shell.Main", "--db", db, "serve", "--port", "0")
                .redirectError(home.resolve("serve.err").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher m = FIRST_LINE.matcher(String.valueOf(first));
            assertThat(m.matches()).as(first).isTrue();
            String password = m.group(1);
            int port = Integer.parseInt(m.group(2));

            // The PostgreSQL JDBC driver: the page's SELECT, camelCase labels, json_value.
            String jdbc = "jdbc:postgresql://127.0.0.1:" + port + "/google";
            try (Connection c = DriverManager.getConnection(jdbc, "nasql", password); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery(pageSelect())) {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<String> labels = new ArrayList<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        labels.add(meta.getColumnLabel(i));
                    }
                    assertThat(labels).startsWith("name", "createTime", "displayName").contains("nasJobSpec", "updateTime");
                    int rows = 0;
                    while (rs.next()) {
                        assertThat(rs.getString("displayName")).isNotBlank();
                        rows++;
                    }
                    assertThat(rows).isEqualTo(4);
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) AS jobs, MIN(json_value(nasJobSpec, '$.multiTrialAlgorithmSpec.metric.goal'))"
                        + " AS goal FROM google.aiplatform.nas_jobs")) {
                    rs.next();
                    assertThat(rs.getInt("jobs")).isEqualTo(4);
                    assertThat(rs.getString("goal")).isIn("MAXIMIZE", "MINIMIZE");
                }
                Map<String, String> refusals = new LinkedHashMap<>();
                for (String write : List.of("DELETE FROM google.aiplatform.nas_jobs",
                        "INSERT INTO google.aiplatform.sync_scopes (projectsId, locationsId, lastAttemptAt, status)"
                                + " VALUES ('p', 'l', CURRENT_TIMESTAMP, 'OK')",
                        "UPDATE google.aiplatform.nas_jobs SET displayName = 'x'", "DROP TABLE google.aiplatform.nas_jobs")) {
                    try {
                        s.executeUpdate(write);
                        refusals.put(write, "not refused");
                    } catch (SQLException e) {
                        refusals.put(write, e.getMessage());
                    }
                }
                assertThat(refusals.values()).allSatisfy(message -> assertThat(message).contains("read only"));
            }
            assertThatThrownBy(() -> DriverManager.getConnection(jdbc, "nasql", "not-the-password")).isInstanceOf(SQLException.class);

            // The real psql, with the first line's URL pasted as it is.
            assumeTrue(Files.isExecutable(PSQL), "psql is not installed (Debian: postgresql-client)");
            String url = first.substring("nasql serve listening on ".length());
            Psql read = psql(home, url, "SELECT displayName, state FROM google.aiplatform.nas_jobs ORDER BY displayName");
            assertThat(read.code).as(read.output).isZero();
            assertThat(read.output).contains("displayName").contains("(4 rows)");
            Psql delete = psql(home, url, "DELETE FROM google.aiplatform.nas_jobs");
            assertThat(delete.code).isNotZero();
            assertThat(delete.output).contains("read only");
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(serve.exitValue()).as("SIGTERM stops it cleanly").isZero();
        assertThat(Files.readString(home.resolve("serve.err"))).contains("nasql serve stopped");
        // Nothing was written: the inventory still holds every job.
        Cli.Result count = Cli.run(home, "", "--db", db, "-o", "text", "-e", "SELECT COUNT(*) AS jobs FROM google.aiplatform.nas_jobs");
        assertThat(count.out()).isEqualTo("jobs\n4\n");
    }

    private record Psql(int code, String output) {
    }

    private static Psql psql(Path home, String url, String sql) throws Exception {
        Process p = new ProcessBuilder(PSQL.toString(), url, "-X", "-c", sql).redirectErrorStream(true)
                .redirectOutput(home.resolve("psql.out").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Psql(p.exitValue(), Files.readString(home.resolve("psql.out")));
    }

    private static String pageSelect() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "stackql-nas_jobs.md"));
        int start = page.indexOf("```sql\nSELECT");
        String select = page.substring(start + 7, page.indexOf("```", start + 7)).trim()
                .replace("{{ locationsId }}", "us-central1").replace("{{ projectsId }}", "proj-001");
        return select.substring(0, select.length() - 1);
    }
}
