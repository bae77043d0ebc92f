package io.nasql.shell.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.nasql.db.Inventory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client of {@code nasql serve} can do is decided by H2's rights, not by the front's text
 * filter: every way out that a filter could miss is tried, through the front and straight at H2's
 * own PG port, and the inventory, the file system and the served database's settings stay as they were.
 */
class ReadOnlyEndpointTest {
    private static final String PASSWORD = "servePassword123";
    private static final Path PSQL = Path.of("/usr/bin/psql");

    @TempDir
    Path home;
    private Inventory inventory;
    private ReadOnlyEndpoint endpoint;

    @BeforeEach
    void serve() throws Exception {
        inventory = Inventory.openFolder(home.resolve("inventory"));
        try (Statement s = inventory.connection().createStatement()) {
            s.execute("INSERT INTO \"aiplatform\".\"sync_scopes\" (\"projectsId\", \"locationsId\", \"lastAttemptAt\", \"status\")"
                    + " VALUES ('p', 'l', CURRENT_TIMESTAMP, 'OK')");
        }
        endpoint = ReadOnlyEndpoint.start(inventory.h2Login(), InetAddress.getLoopbackAddress(), 0, PASSWORD);
    }

    @AfterEach
    void stop() {
        endpoint.close();
        inventory.close();
    }

    /** Ways out a text filter can miss; none may succeed, whatever the error says. */
    private List<String> escapes() {
        String dir = home.toString();
        return List.of(
                "SELECT \"file_write\"('x', '" + dir + "/written')",
                "SELECT \"FILE_READ\"('/etc/hostname')",
                "SELECT * FROM \"csvread\"('/etc/passwd')",
                "CALL \"csvwrite\"('" + dir + "/written.csv', 'SELECT 1')",
                "EXPLAIN ANALYZE DELETE FROM aiplatform.sync_scopes",
                "EXPLAIN ANALYZE UPDATE aiplatform.sync_scopes SET status = 'FAILED'",
                "CREATE ALIAS pwn AS $$ String f() { return \"\"; } $$",
                "CREATE TABLE t AS SELECT * FROM aiplatform.sync_scopes",
                "CREATE SCHEMA s",
                "CALL \"link_schema\"('x', '', 'jdbc:h2:mem:x', '', '', 'PUBLIC')",
                "SCRIPT TO '" + dir + "/script.sql'",
                "BACKUP TO '" + dir + "/backup.zip'",
                "CALL \"abort_session\"(1)",
                "CALL \"cancel_session\"(1)",
                "ALTER USER nasql ADMIN TRUE",
                "CREATE USER intruder PASSWORD 'x' ADMIN",
                "GRANT ALL ON SCHEMA aiplatform TO nasql",
                "SET MODE Regular",
                "SHUTDOWN");
    }

    @Test
    void throughTheFrontNoEscapeSucceedsAndReadingStillWorks() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/google";
        try (Connection c = DriverManager.getConnection(url, ReadOnlyEndpoint.USER, PASSWORD); Statement s = c.createStatement()) {
            List<String> succeeded = new ArrayList<>();
            for (String sql : escapes()) {
                try {
                    s.execute(sql);
                    succeeded.add(sql);
                } catch (SQLException refused) {
                    // expected: refused by the filter or by H2's rights
                }
            }
            assertThat(succeeded).isEmpty();
            try (ResultSet rs = s.executeQuery("SELECT status FROM google.aiplatform.sync_scopes")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("OK");
            }
        }
        assertUntouched();
    }

    @Test
    void theServedDatabaseShowsNoConnectionSettingOfTheInventory() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/google";
        StringBuilder everything = new StringBuilder();
        try (Connection c = DriverManager.getConnection(url, ReadOnlyEndpoint.USER, PASSWORD); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'information_schema'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("tables", "users", "rights");
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM information_schema.\"" + table + "\"")) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            everything.append(rs.getString(i)).append('\n');
                        }
                    }
                }
            }
        }
        assertThat(everything).contains("sync_scopes").doesNotContain(inventory.h2Login().password());
        assertThat(everything.toString().toLowerCase()).doesNotContain("jdbc:h2:");
    }

    @Test
    void straightAtH2sOwnPortTheRightsStillRefuseEveryEscape() throws Exception {
        assumeTrue(Files.isExecutable(PSQL), "psql is not installed (Debian: postgresql-client)");
        String url = "postgresql://" + ReadOnlyEndpoint.USER + ":" + PASSWORD + "@127.0.0.1:" + endpoint.backendPort() + "/google";
        List<String> succeeded = new ArrayList<>();
        for (String sql : escapes()) {
            if (psql(url, sql) == 0) {
                succeeded.add(sql);
            }
        }
        assertThat(succeeded).isEmpty();
        assertThat(psql(url, "SELECT status FROM aiplatform.sync_scopes")).as("reading works there too").isZero();
        assertUntouched();
    }

    @Test
    void aWrongPasswordIsRefusedOnBothPorts() {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/google",
                ReadOnlyEndpoint.USER, "wrong")).isInstanceOf(SQLException.class);
        assumeTrue(Files.isExecutable(PSQL), "psql is not installed (Debian: postgresql-client)");
        assertThat(psql("postgresql://nasql_owner:wrong@127.0.0.1:" + endpoint.backendPort() + "/google", "SELECT 1")).isNotZero();
    }

    @Test
    void aClientSendingNonsenseIsHungUpOnAndOthersAreServed() throws Exception {
        try (java.net.Socket idle = new java.net.Socket(InetAddress.getLoopbackAddress(), endpoint.port());
             java.net.Socket nonsense = new java.net.Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
            nonsense.setSoTimeout(10_000);
            java.io.DataOutputStream out = new java.io.DataOutputStream(nonsense.getOutputStream());
            out.writeInt(1 << 30); // a 1 GB startup packet: hung up on at once, not waited for and buffered
            out.flush();
            assertThat(nonsense.getInputStream().read()).as("the front hangs up").isEqualTo(-1);
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/google",
                    ReadOnlyEndpoint.USER, PASSWORD); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM google.aiplatform.sync_scopes")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }

    private int psql(String url, String sql) {
        try {
            Process p = new ProcessBuilder(PSQL.toString(), url, "-X", "-v", "ON_ERROR_STOP=1", "-c", sql)
                    .redirectErrorStream(true).redirectOutput(home.resolve("psql.out").toFile()).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return p.exitValue();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void assertUntouched() throws Exception {
        try (Statement s = inventory.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(\"status\") FROM \"aiplatform\".\"sync_scopes\"")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("OK");
        }
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no file written").isSubsetOf("inventory", "psql.out");
        }
        // The served database is still up and still in PostgreSQL mode (no SHUTDOWN, no SET MODE got through).
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/google",
                ReadOnlyEndpoint.USER, PASSWORD); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT setting_value FROM information_schema.settings WHERE setting_name = 'MODE'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("PostgreSQL");
        }
    }
}
