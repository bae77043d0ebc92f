package io.nasql.shell.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nasql.db.Inventory;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a client of {@code nasql serve} can do is decided by H2's rights, not by the front's text
 * filter: every way out that a filter could miss is tried through the front and in the reader's own
 * session with no filter in between, and the inventory, the file system and the served database's
 * settings stay as they were. H2's own PG port takes only the front's secret.
 */
class ReadOnlyEndpointTest {
    private static final String PASSWORD = "servePassword123";

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
                "SELECT \"db_object_sql\"('TABLE', 'aiplatform', 'sync_scopes')",
                "SELECT 1 €$$; CREATE LOCAL TEMPORARY TABLE tt(x INT) AS SELECT 1; SELECT 2 €$$",
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
    void theReadersOwnSessionWithNoFilterInBetweenIsRefusedEveryEscapeByH2sRights() throws Exception {
        List<String> succeeded = new ArrayList<>();
        try (Connection c = endpoint.readerConnection(); Statement s = c.createStatement()) {
            for (String sql : escapes()) {
                if (sql.contains("€$$")) {
                    continue; // a trick against the filter, which is not in between here
                }
                try {
                    s.execute(sql);
                    succeeded.add(sql);
                } catch (SQLException refused) {
                    // expected: H2's rights
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT \"status\" FROM \"aiplatform\".\"sync_scopes\"")) {
                assertThat(rs.next()).as("reading works").isTrue();
            }
        }
        assertThat(succeeded).isEmpty();
        assertUntouched();
    }

    @Test
    void h2sOwnPortTakesNotTheServePasswordOnlyTheFrontsSecret() throws Exception {
        try (Socket h2 = new Socket(InetAddress.getLoopbackAddress(), endpoint.backendPort())) {
            h2.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(h2.getOutputStream());
            DataInputStream in = new DataInputStream(h2.getInputStream());
            PgMessages.writeStartup(out, startup("nasql", "google"));
            PgMessages.Message ask = PgMessages.read(in, 1 << 20);
            assertThat((char) ask.type()).isEqualTo('R');
            PgMessages.write(out, 'p', PgMessages.passwordBody(PASSWORD));
            out.flush();
            PgMessages.Message answer = readOrNull(in);
            assertThat(answer == null || answer.type() == 'E').as("no AuthenticationOk for the serve password").isTrue();
        }
    }

    @Test
    void aWrongPasswordOrUserOrDatabaseGetsPostgresqlsOwnAnswer() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/google";
        assertThatThrownBy(() -> DriverManager.getConnection(url, ReadOnlyEndpoint.USER, "wrong"))
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed for user \"nasql\"");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "nasql_owner", PASSWORD))
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed for user \"nasql_owner\"");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/other",
                ReadOnlyEndpoint.USER, PASSWORD)).isInstanceOf(SQLException.class).hasMessageContaining("database \"other\" does not exist");
    }

    @Test
    void encryptionRequestsAreDeclinedAndTheLogInGoesOn() throws Exception {
        try (Socket front = new Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
            front.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(front.getOutputStream());
            DataInputStream in = new DataInputStream(front.getInputStream());
            for (int request : new int[] {PgMessages.GSS_REQUEST, PgMessages.SSL_REQUEST}) {
                out.writeInt(8);
                out.writeInt(request);
                out.flush();
                assertThat((char) in.read()).isEqualTo('N');
            }
            PgMessages.writeStartup(out, startup("nasql", "google"));
            assertThat((char) PgMessages.read(in, 1 << 20).type()).isEqualTo('R');
            PgMessages.write(out, 'p', PgMessages.passwordBody(PASSWORD));
            out.flush();
            PgMessages.Message ok = PgMessages.read(in, 1 << 20);
            assertThat((char) ok.type()).isEqualTo('R');
            assertThat(PgMessages.int32(ok.body(), 0)).as("AuthenticationOk").isZero();
        }
    }

    @Test
    void aServedDatabaseThatClosedIsBuiltAgain() throws Exception {
        assertThat(endpoint.reopenIfClosed()).isFalse();
        endpoint.database().shutDown();
        assertThat(endpoint.reopenIfClosed()).isTrue();
        assertUntouched();
    }

    @Test
    void clientsBeyondTheCapAreToldSoAndTheOthersStayServed() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < PgWireFront.MAX_CLIENTS; i++) {
                idle.add(new Socket(InetAddress.getLoopbackAddress(), endpoint.port()));
            }
            assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/google",
                    ReadOnlyEndpoint.USER, PASSWORD)).isInstanceOf(SQLException.class).hasMessageContaining("too many clients");
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (true) { // the front sees the idle ones go a moment later
            try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/google",
                    ReadOnlyEndpoint.USER, PASSWORD)) {
                assertThat(c.isValid(5)).isTrue();
                return;
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void aClientTricklingItsLogInIsClosedAtTheDeadline() throws Exception {
        try (ReadOnlyEndpoint quick = ReadOnlyEndpoint.start(inventory.h2Login(), InetAddress.getLoopbackAddress(), 0, PASSWORD,
                java.time.Duration.ofSeconds(1));
             Socket slow = new Socket(InetAddress.getLoopbackAddress(), quick.port())) {
            slow.setSoTimeout(200);
            long start = System.nanoTime();
            DataOutputStream out = new DataOutputStream(slow.getOutputStream());
            out.writeInt(10_000); // a startup packet of 10,000 bytes, sent a byte at a time
            boolean closed = false;
            while (!closed && System.nanoTime() - start < 15_000_000_000L) {
                try {
                    out.write(1);
                    out.flush();
                    closed = slow.getInputStream().read() < 0;
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // each byte restarts no timer: the deadline counts from the connection
                } catch (java.io.IOException reset) {
                    closed = true;
                }
            }
            assertThat(closed).as("closed at the log-in deadline").isTrue();
            assertThat(System.nanoTime() - start).isGreaterThan(800_000_000L);
        }
    }

    @Test
    void aMalformedMessageAfterLogInEndsThatConnectionQuietly() throws Exception {
        List<Throwable> uncaught = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
            client.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            DataInputStream in = new DataInputStream(client.getInputStream());
            PgMessages.writeStartup(out, startup("nasql", "google"));
            PgMessages.read(in, 1 << 20);
            PgMessages.write(out, 'p', PgMessages.passwordBody(PASSWORD));
            out.flush();
            PgMessages.Message m;
            do {
                m = PgMessages.read(in, 1 << 20);
            } while (m.type() != 'Z'); // ReadyForQuery
            PgMessages.write(out, 'P', "abc".getBytes(java.nio.charset.StandardCharsets.UTF_8)); // no NUL anywhere
            out.flush();
            assertThat(readOrNull(in)).as("the connection ends").isNull();
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(uncaught).isEmpty();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + endpoint.port() + "/google",
                ReadOnlyEndpoint.USER, PASSWORD)) {
            assertThat(c.isValid(5)).isTrue();
        }
    }

    @Test
    void anUnknownClientEncodingIsRefusedAsPostgresqlDoes() throws Exception {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), endpoint.port())) {
            client.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            DataInputStream in = new DataInputStream(client.getInputStream());
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(new byte[] {0, 3, 0, 0});
            for (String text : new String[] {"user", "nasql", "database", "google", "client_encoding", "bogus!"}) {
                body.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                body.write(0);
            }
            body.write(0);
            PgMessages.writeStartup(out, new PgMessages.Startup(PgMessages.PROTOCOL_3, body.toByteArray()));
            PgMessages.read(in, 1 << 20);
            PgMessages.write(out, 'p', PgMessages.passwordBody(PASSWORD));
            out.flush();
            PgMessages.Message answer = PgMessages.read(in, 1 << 20);
            String text = new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat((char) answer.type()).as(text).isEqualTo('E');
            assertThat(text).contains("22023").contains("invalid value for parameter \"client_encoding\": \"bogus!\"");
        }
    }

    @Test
    void thePrintedUrlEncodesThePasswordAndBracketsAnIpv6Host() {
        assertThat(ReadOnlyEndpoint.url("127.0.0.1", 5433, "a b@c/d:e%"))
                .isEqualTo("postgresql://nasql:a%20b%40c%2Fd%3Ae%25@127.0.0.1:5433/google");
        assertThat(ReadOnlyEndpoint.url("::1", 5433, "pw")).isEqualTo("postgresql://nasql:pw@[::1]:5433/google");
    }

    private static PgMessages.Startup startup(String user, String database) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(new byte[] {0, 3, 0, 0});
        for (String text : new String[] {"user", user, "database", database}) {
            body.writeBytes(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            body.write(0);
        }
        body.write(0);
        return new PgMessages.Startup(PgMessages.PROTOCOL_3, body.toByteArray());
    }

    private static PgMessages.Message readOrNull(DataInputStream in) {
        try {
            return PgMessages.read(in, 1 << 20);
        } catch (java.io.IOException closed) {
            return null;
        }
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

    private void assertUntouched() throws Exception {
        try (Statement s = inventory.connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(\"status\") FROM \"aiplatform\".\"sync_scopes\"")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("OK");
        }
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("no file written").containsExactly("inventory");
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
