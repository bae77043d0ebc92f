package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.emulator.ManualClock;
import io.nasql.shell.cli.Cli;
import io.nasql.shell.cli.SessionConfig;
import io.nasql.shell.cli.Wiring;
import io.nasql.shell.output.OutputFormat;
import io.nasql.shell.report.ReportCatalog;
import io.nasql.shell.write.Confirmer;
import io.nasql.sync.ApiTarget;
import io.nasql.sync.CancelToken;
import io.nasql.sync.CancelledException;
import io.nasql.sync.SyncOptions;
import io.nasql.db.TestPostgres;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.junit.jupiter.api.io.TempDir;

/** Plain SQL on the inventory: Ctrl-C, streaming on PostgreSQL, and statements read in the inventory's dialect. */
class SqlHandlerTest {
    @TempDir
    Path home;

    /** An engine over the inventory at {@code db}, with an emulator behind it; results print as CSV. */
    private final class Session implements AutoCloseable {
        final EmulatorServer emulator;
        final Settings settings = new Settings();
        final Wiring wiring;
        final StatementEngine engine;
        final StringWriter notices = new StringWriter();

        Session(String db, EmulatorConfig api) throws IOException {
            emulator = EmulatorServer.start(api, new ManualClock(Instant.now()));
            settings.set(Setting.OUTPUT, OutputFormat.CSV);
            SessionConfig config = new SessionConfig(db, home.resolve(String.valueOf(System.nanoTime())), ApiTarget.emulator(emulator.endpoint()),
                    List.of("proj-001"), List.of("us-central1"), SyncOptions.defaults(), true);
            wiring = new Wiring(config, settings, Clock.systemUTC());
            engine = wiring.engine(new Wiring.FrontEnd(new PrintWriter(notices, true), ProgressSink.NONE,
                    Confirmer.NOBODY, () -> ReportCatalog.load(List.of()), Map.of()));
        }

        /** What the statement prints; a failure throws. */
        String run(String sql) {
            StringWriter out = new StringWriter();
            engine.execute(new Statement(sql, "t", 1, 1), new Execution(new CancelToken(), settings, out, false));
            return out.toString().replace("\r\n", "\n");
        }

        long count(String sql) throws SQLException {
            try (java.sql.Statement s = wiring.inventory().connection().createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }

        @Override
        public void close() {
            wiring.close();
            emulator.close();
        }
    }

    @Test
    void aStatementCancelledDuringItsReadThroughRunsNoQuery() throws Exception {
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("proj-001"), List.of("us-central1"), 3, 5), new ManualClock(Instant.now()))) {
            Settings settings = new Settings();
            settings.set(Setting.OUTPUT, OutputFormat.TEXT);
            SessionConfig config = new SessionConfig(Cli.memoryDb(), home, ApiTarget.emulator(emulator.endpoint()), List.of("proj-001"),
                    List.of("us-central1"), SyncOptions.defaults(), true);
            try (Wiring wiring = new Wiring(config, settings, Clock.systemUTC())) {
                StatementEngine engine = wiring.engine(new Wiring.FrontEnd(new PrintWriter(new StringWriter()), ProgressSink.NONE,
                        Confirmer.NOBODY, () -> ReportCatalog.load(List.of()), Map.of()));
                StringWriter out = new StringWriter();
                CancelToken cancel = new CancelToken();
                cancel.cancel();
                assertThatThrownBy(() -> engine.execute(new Statement("SELECT 'ran' AS q FROM google.aiplatform.nas_jobs"
                        + " WHERE projectsId = 'proj-001' AND locationsId = 'us-central1' UNION ALL SELECT 'ran'", "t", 1, 1),
                        new Execution(cancel, settings, out, false))).isInstanceOf(CancelledException.class);
                assertThat(out.toString()).doesNotContain("ran");
            }
        }
    }

    @Test
    void aPostgresQueryPrintsWhileItsRowsAreStillOnTheServer() throws Exception {
        try (Session session = new Session(TestPostgres.freshGoogle(), EmulatorConfig.empty())) {
            AtomicLong portalsWhilePrinting = new AtomicLong(-1);
            StringWriter printed = new StringWriter();
            Writer out = new FilterWriter(printed) {
                @Override
                public void write(String text, int off, int len) throws IOException {
                    if (portalsWhilePrinting.get() < 0) {
                        portalsWhilePrinting.set(openPortals(session.wiring));
                    }
                    super.write(text, off, len);
                }

                @Override
                public void write(char[] text, int off, int len) throws IOException {
                    write(new String(text, off, len), 0, len);
                }
            };
            session.engine.execute(new Statement("SELECT x FROM generate_series(1, 5000) x", "t", 1, 1),
                    new Execution(new CancelToken(), session.settings, out, false));
            assertThat(printed.toString().lines()).hasSize(5001).endsWith("5000");
            assertThat(portalsWhilePrinting.get()).as("the driver's cursor was open, the rest of the rows on the server").isEqualTo(1);
            assertThat(session.wiring.inventory().connection().getAutoCommit()).isTrue();
        }
    }

    /** Ctrl-C while a big result prints stops it at once, on PostgreSQL between two fetches too; the connection is ready for the next. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void ctrlCWhileAResultPrintsStopsItAndTheConnectionStaysUsable(String backend) throws Exception {
        boolean pg = backend.equals("postgresql");
        try (Session session = new Session(pg ? TestPostgres.freshGoogle() : Cli.memoryDb(), EmulatorConfig.empty())) {
            CancelToken cancel = new CancelToken();
            AtomicLong lines = new AtomicLong();
            Writer out = new FilterWriter(new StringWriter()) {
                @Override
                public void write(String text, int off, int len) {
                    for (int i = off; i < off + len; i++) {
                        if (text.charAt(i) == '\n' && lines.incrementAndGet() == 2000) {
                            cancel.cancel();
                        }
                    }
                }

                @Override
                public void write(char[] text, int off, int len) {
                    write(new String(text, off, len), 0, len);
                }

                @Override
                public void write(int c) {
                    write(String.valueOf((char) c), 0, 1);
                }
            };
            String big = pg ? "SELECT x FROM generate_series(1, 300000) x" : "SELECT X FROM SYSTEM_RANGE(1, 300000)";
            long started = System.nanoTime();
            assertThatThrownBy(() -> session.engine.execute(new Statement(big, "t", 1, 1), new Execution(cancel, session.settings, out, false)))
                    .isInstanceOf(CancelledException.class);
            assertThat(lines.get()).as("lines printed after Ctrl-C at line 2000").isLessThan(2100);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
            Connection connection = session.wiring.inventory().connection();
            assertThat(connection.getAutoCommit()).isTrue();
            if (pg) {
                assertThat(connection.unwrap(BaseConnection.class).getTransactionState()).as("the read's transaction ended").isEqualTo(TransactionState.IDLE);
            }
            assertThat(session.run("SELECT 1 AS one")).isEqualTo("one\n1\n");
        }
    }

    /**
     * A PostgreSQL query streams in an ordinary transaction: it runs once, so a sequence or a function
     * that writes does its work once, even when the write comes after the first batch; a query that
     * fails is rolled back, as in autocommit.
     */
    @Test
    void aPostgresQueryThatWritesRunsOnceAndAFailedOneLeavesNothing() throws Exception {
        try (Session session = new Session(TestPostgres.freshGoogle(), EmulatorConfig.empty())) {
            session.run("CREATE TEMPORARY SEQUENCE s");
            session.run("CREATE TABLE public.w (n INT)");
            session.run("CREATE FUNCTION public.wr() RETURNS INT LANGUAGE sql AS $$ INSERT INTO public.w VALUES (1) RETURNING 1 $$");
            assertThat(session.run("SELECT nextval('s') AS n, public.wr() AS w")).isEqualTo("n,w\n1,1\n");
            assertThat(session.run("SELECT currval('s') AS c, (SELECT COUNT(*) FROM public.w) AS written")).isEqualTo("c,written\n1,1\n");

            String late = session.run("SELECT x, CASE WHEN x > 1500 THEN public.wr() END AS w FROM generate_series(1, 3000) x");
            assertThat(late.lines()).hasSize(3001).endsWith("3000,1");
            assertThat(session.run("SELECT COUNT(*) AS written FROM public.w")).isEqualTo("written\n1501\n");

            assertThatThrownBy(() -> session.run("SELECT x, public.wr() AS w, 1 / (x - 2500) AS q FROM generate_series(1, 3000) x"))
                    .isInstanceOf(StatementException.class).hasMessageContaining("division by zero");
            assertThat(session.wiring.inventory().connection().getAutoCommit()).isTrue();
            assertThat(session.run("SELECT COUNT(*) AS written FROM public.w")).as("the failed query's writes rolled back").isEqualTo("written\n1501\n");
        }
    }

    /**
     * On PostgreSQL every check of a statement reads it as PostgreSQL does: pins after an E'...' string
     * are seen (the scope is read through first), and a write of the resource's tables hidden behind
     * one, or in a $$ body, is refused before it runs.
     */
    @Test
    void onPostgresEveryCheckReadsTheStatementAsPostgresDoes() throws Exception {
        try (Session session = new Session(TestPostgres.freshGoogle(), EmulatorConfig.empty()
                .withSeedData(List.of("proj-001", "proj-002"), List.of("us-central1"), 3, 5))) {
            assertThat(session.run("SELECT COUNT(*) AS n FROM google.aiplatform.nas_jobs WHERE displayName <> E'x\\'y'"
                    + " AND projectsId = 'proj-002' AND locationsId = 'us-central1'")).isEqualTo("n\n3\n");
            long documents = session.count("SELECT COUNT(*) FROM aiplatform.nas_job_documents");
            assertThat(documents).isEqualTo(3);
            for (String hidden : List.of(
                    "WITH x AS (SELECT E'\\'' AS q), d AS (DELETE FROM aiplatform.nas_job_documents RETURNING 1)"
                            + " SELECT count(*) AS gone FROM d, x WHERE q <> ''''",
                    "DO $$ BEGIN DELETE FROM aiplatform.nas_job_documents; END $$",
                    "DO $body$ BEGIN DELETE FROM aiplatform.nas_job_documents; END $body$",
                    "CREATE FUNCTION public.gone() RETURNS VOID LANGUAGE sql AS 'DELETE FROM aiplatform.nas_job_documents'")) {
                assertThatThrownBy(() -> session.run(hidden)).as(hidden).isInstanceOf(StatementException.class)
                        .hasMessageContaining("changes only through the API");
            }
            assertThat(session.count("SELECT COUNT(*) FROM aiplatform.nas_job_documents")).isEqualTo(documents);
        }
    }

    /**
     * A slow reader (a pager) holds a streamed PostgreSQL read's transaction open; when the server ends the
     * session for it, the next statement gets a new connection. A transaction the user opened with BEGIN
     * is not silently replaced: that statement says it was lost, and the one after runs again.
     */
    @Test
    void aConnectionThePostgresServerClosedIsReopenedAndALostTransactionIsSaidSo() throws Exception {
        try (Session session = new Session(TestPostgres.freshGoogle(), EmulatorConfig.empty())) {
            session.run("SET idle_in_transaction_session_timeout = '500ms'");
            AtomicLong lines = new AtomicLong();
            Writer pager = new FilterWriter(new StringWriter()) {
                @Override
                public void write(String text, int off, int len) {
                    for (int i = off; i < off + len; i++) {
                        if (text.charAt(i) == '\n' && lines.incrementAndGet() == 10) {
                            pause(Duration.ofMillis(1500));
                        }
                    }
                }

                @Override
                public void write(char[] text, int off, int len) {
                    write(new String(text, off, len), 0, len);
                }
            };
            assertThatThrownBy(() -> session.engine.execute(new Statement("SELECT x FROM generate_series(1, 5000) x", "t", 1, 1),
                    new Execution(new CancelToken(), session.settings, pager, false))).isInstanceOf(StatementException.class);
            assertThat(session.run("SELECT 1 AS one")).isEqualTo("one\n1\n");

            // A transaction aborted by an error is on a live connection: it is left to the user's ROLLBACK.
            session.run("BEGIN");
            assertThatThrownBy(() -> session.run("SELECT 1 / 0 AS q")).hasMessageContaining("division by zero");
            assertThatThrownBy(() -> session.run("SELECT 1 AS q")).hasMessageContaining("current transaction is aborted");
            session.run("ROLLBACK");

            session.run("SET idle_in_transaction_session_timeout = '500ms'");
            session.run("BEGIN");
            session.run("CREATE TEMPORARY TABLE mine (n INT)");
            pause(Duration.ofMillis(1500));
            assertThatThrownBy(() -> session.run("INSERT INTO mine VALUES (1)"))
                    .hasMessage("the database closed the connection, and the transaction open on it was lost (its changes are rolled back);"
                            + " the next statement runs on a new connection");
            assertThat(session.run("SELECT 2 AS two")).isEqualTo("two\n2\n");
            assertThat(session.wiring.inventory().connection().getAutoCommit()).isTrue();
        }
    }

    /**
     * The guard covers every table, view and function of the inventory, every name of a list, U& names and
     * bodies, COPY into a table, the schema itself, rules, triggers and policies on its tables, code bodies
     * down to EXECUTE '...' inside them, and on H2 Java code; nothing of the inventory changes.
     */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void everyWriteOfTheInventoryIsRefused(String backend) throws Exception {
        boolean pg = backend.equals("postgresql");
        try (Session session = new Session(pg ? TestPostgres.freshGoogle() : Cli.memoryDb(), EmulatorConfig.empty()
                .withSeedData(List.of("proj-001"), List.of("us-central1"), 3, 5))) {
            session.run("SELECT COUNT(*) AS n FROM google.aiplatform.nas_jobs WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'");
            session.run(pg ? "CREATE TEMP TABLE foo (x INT)" : "CREATE TABLE foo (x INT)");
            String s = pg ? "aiplatform." : "\"aiplatform\".";
            String q = pg ? "" : "\"";
            String counts = "SELECT (SELECT COUNT(*) FROM " + s + q + "nas_job_documents" + q + ") * 1000 + (SELECT COUNT(*) FROM "
                    + s + q + "nas_job_summaries" + q + ") * 100 + (SELECT COUNT(*) FROM " + s + q + "sync_scopes" + q + ")";
            long before = session.count(counts);
            assertThat(before).isGreaterThan(0);
            List<String> common = List.of(
                    "DELETE FROM " + s + "U&\"nas_job_documents\" WHERE 1 = 1",
                    "DELETE FROM " + s + "U&\"nas!005fjob!005fdocuments\" UESCAPE '!'",
                    "DELETE FROM " + s + q + "sync_leases" + q,
                    "UPDATE " + s + q + "sync_scopes" + q + " SET " + q + "projects_id" + q + " = " + q + "projects_id" + q,
                    "DELETE FROM " + s + q + "sync_runs" + q,
                    "DELETE FROM " + s + q + "nas_trials" + q,
                    "DELETE FROM " + s + q + "nas_job_events" + q,
                    "DELETE FROM " + s + q + "project_locations" + q,
                    "DELETE FROM " + (pg ? "nasql.flyway_schema_history" : "\"nasql\".\"flyway_schema_history\""),
                    "TRUNCATE TABLE foo, " + s + q + "nas_job_summaries" + q,
                    "DROP TABLE foo, " + s + q + "nas_job_events" + q,
                    "DROP SCHEMA " + q + "aiplatform" + q + " CASCADE",
                    "ALTER SCHEMA " + q + "aiplatform" + q + " RENAME TO x",
                    "CREATE SCHEMA " + q + "nasql" + q,
                    "CREATE TABLE " + s + q + "extra" + q + " (x INT)",
                    "INSERT INTO foo SELECT 1; DELETE FROM " + s + q + "nas_job_documents" + q);
            List<String> dialect = pg ? List.of(
                    "DO $$ BEGIN EXECUTE 'DELETE FROM aiplatform.nas_job_documents'; END $$",
                    "DO $a$ BEGIN EXECUTE $b$ DO $c$ BEGIN EXECUTE 'TRUNCATE aiplatform.nas_job_summaries CASCADE'; END $c$ $b$; END $a$",
                    "CREATE FUNCTION public.g() RETURNS VOID LANGUAGE sql AS U&'DELETE FROM aiplatform.nas\\005fjob_documents'",
                    "CREATE FUNCTION public.h() RETURNS VOID LANGUAGE plpgsql AS 'BEGIN EXECUTE ''DELETE FROM aiplatform.nas_job_documents''; END'",
                    "WITH x AS (SELECT E'a'\n'\\'' AS q), d AS (DELETE FROM aiplatform.nas_job_documents RETURNING 1)"
                            + " SELECT count(*) AS gone FROM d, x WHERE q <> '--'",
                    "WITH x AS (SELECT 'a' -- it's\n'b' AS q), d AS (DELETE FROM aiplatform.nas_job_documents RETURNING 1) SELECT count(*) FROM d, x",
                    "COPY aiplatform.nas_job_summaries FROM '/nonexistent/empty.csv'",
                    "CREATE RULE r AS ON INSERT TO aiplatform.nas_job_documents DO INSTEAD NOTHING",
                    "CREATE TRIGGER tr BEFORE UPDATE ON aiplatform.nas_job_documents FOR EACH ROW EXECUTE FUNCTION public.t()",
                    "CREATE POLICY p ON aiplatform.nas_job_documents USING (false)",
                    "CREATE OR REPLACE FUNCTION public.json_value(j jsonb, p text) RETURNS text LANGUAGE sql AS 'SELECT NULL'") : List.of(
                    "CREATE ALIAS W AS $$ int w(java.sql.Connection c) throws Exception { return c.createStatement().executeUpdate("
                            + "\"DELETE FROM \\\"aiplatform\\\".\\\"nas_job_documents\\\"\"); } $$",
                    "CREATE TRIGGER T BEFORE INSERT ON foo FOR EACH ROW AS $$ org.h2.api.Trigger create() { return null; } $$",
                    "CREATE ALIAS W2 AS 'int w() { return 1; }'",
                    "SET TRACE_LEVEL_FILE 2",
                    "SET TRACE_LEVEL_SYSTEM_OUT 3");
            for (String write : java.util.stream.Stream.concat(common.stream(), dialect.stream()).toList()) {
                assertThatThrownBy(() -> session.run(write)).as(write).isInstanceOf(StatementException.class)
                        .hasMessageMatching("(?s).*(changes only through the API|refused on an H2 inventory).*");
            }
            assertThat(session.count(counts)).isEqualTo(before);
            // Still allowed: reads of the inventory, writes of one's own tables, and exports.
            session.run("INSERT INTO foo SELECT COUNT(*) FROM google.aiplatform.nas_jobs");
            assertThat(session.run("SELECT x AS n FROM foo")).isEqualTo("n\n3\n");
            session.run("DROP TABLE foo");
            if (pg) {
                Path export = home.resolve("export.csv");
                session.run("COPY (SELECT COUNT(*) FROM aiplatform.nas_job_documents) TO '" + export + "'");
                assertThat(java.nio.file.Files.readString(export)).isEqualTo("3\n");
            }
        }
    }

    /** With standard_conforming_strings off PostgreSQL reads backslashes in every string, and so does the guard. */
    @Test
    void onPostgresWithStandardConformingStringsOffBackslashesEscapeInEveryString() throws Exception {
        try (Session session = new Session(TestPostgres.freshGoogle(), EmulatorConfig.empty()
                .withSeedData(List.of("proj-001"), List.of("us-central1"), 3, 5))) {
            session.run("SELECT COUNT(*) AS n FROM google.aiplatform.nas_jobs WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'");
            long documents = session.count("SELECT COUNT(*) FROM aiplatform.nas_job_documents");
            session.run("SET standard_conforming_strings = off");
            String hidden = "WITH x AS (SELECT '\\'' AS q), d AS (DELETE FROM aiplatform.nas_job_documents RETURNING 1)"
                    + " SELECT count(*) AS gone FROM d, x WHERE q <> '--'";
            assertThatThrownBy(() -> session.run(hidden)).hasMessageContaining("changes only through the API");
            assertThat(session.run("SELECT 'a\\tb' = E'a\\tb' AS same")).isEqualTo("same\ntrue\n");
            session.run("SET standard_conforming_strings = on");
            assertThat(session.count("SELECT COUNT(*) FROM aiplatform.nas_job_documents")).isEqualTo(documents);
        }
    }

    /** With standard_conforming_strings off a quote after a backslash is inside the string, for read-through's pins too. */
    @Test
    void onPostgresWithStandardConformingStringsOffPinsAfterAnEscapedQuoteAreSynced() throws Exception {
        try (Session session = new Session(TestPostgres.freshGoogle(), EmulatorConfig.empty()
                .withSeedData(List.of("proj-001", "proj-002"), List.of("us-central1"), 3, 5))) {
            session.run("SET standard_conforming_strings = off");
            // The server reads one string, x' AND projectsId = , then pins proj-002/us-central1, never synced.
            String pinned = "SELECT COUNT(*) AS n FROM google.aiplatform.nas_jobs WHERE displayName <> 'x\\' AND projectsId = '"
                    + " AND projectsId = 'proj-002' AND locationsId = 'us-central1'";
            assertThat(session.run(pinned)).isEqualTo("n\n3\n");
            assertThat(session.emulator.stats().calls("ListNasJobs")).isEqualTo(1);
            // Nor routed: the routers would read FROM ... nas_jobs inside that string as the query's own and rename it.
            String inString = "SELECT 'a\\' FROM google.aiplatform.nas_jobs --' AS s FROM google.aiplatform.nas_jobs\n"
                    + "WHERE projectsId = 'proj-002' AND locationsId = 'us-central1' LIMIT 1";
            assertThat(session.run(inString)).isEqualTo("s\na' FROM google.aiplatform.nas_jobs --\n");
            session.run("SET standard_conforming_strings = on");
        }
    }

    /** A connection the server ended is replaced, and the user is told that session settings went with it. */
    @Test
    void aReplacedConnectionIsAnnounced() throws Exception {
        try (Session session = new Session(TestPostgres.freshGoogle(), EmulatorConfig.empty())) {
            session.run("SET search_path = aiplatform, public");
            assertThat(session.run("SELECT COUNT(*) AS n FROM sync_leases")).isEqualTo("n\n0\n");
            assertThat(session.notices.toString()).isEmpty();
            session.run("SET idle_session_timeout = '300ms'");
            pause(Duration.ofMillis(1000));
            // The first statement after the server ended the session may fail (it is not checked before every statement) ...
            try {
                session.run("SELECT 1 AS one");
            } catch (StatementException e) {
                // told below
            }
            // ... and the next runs on a new connection, the notice said once.
            assertThatThrownBy(() -> session.run("SELECT COUNT(*) AS n FROM sync_leases")).hasMessageContaining("sync_leases");
            assertThat(session.notices.toString()).isEqualTo("notice: the inventory connection was reopened: session settings and temporary objects were reset\n");
        }
    }

    private static void pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long openPortals(Wiring wiring) throws IOException {
        try (java.sql.Statement s = wiring.inventory().connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_cursors WHERE name <> ''")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }
}
