package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A PostgreSQL query's rows in batches, in a transaction of its own that leaves the connection as it was. */
class StreamedReadTest {
    private static final String BIG = "SELECT x FROM generate_series(1, 5000) x";

    private Inventory inventory;
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        inventory = TestPostgres.freshInventory();
        connection = inventory.connection();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
        inventory.close();
    }

    /** Named portals (the driver binds one for a result it reads in batches) still open: a result not read to the end. */
    private long openPortals() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM pg_cursors WHERE name <> ''")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aStreamedQueryKeepsItsPortalOpenAndFetchesInBatches() throws SQLException {
        long rows = 0;
        try (StreamedRead stream = StreamedRead.begin(Backend.POSTGRESQL, connection); Statement s = connection.createStatement()) {
            assertThat(stream.streams()).isTrue();
            stream.prepare(s);
            try (ResultSet rs = s.executeQuery(BIG)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getFetchSize()).isEqualTo(StreamedRead.FETCH_SIZE);
                assertThat(openPortals()).as("the other 4999 rows are still on the server").isEqualTo(1);
                rows++;
                while (rs.next()) {
                    rows++;
                }
            }
            stream.commit();
        }
        assertThat(rows).isEqualTo(5000);
        assertThat(connection.getAutoCommit()).isTrue();
        assertThat(connection.isReadOnly()).isFalse();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE written (n INT)");
            assertThat(s.executeUpdate("INSERT INTO written VALUES (1)")).as("writes work again after the read").isEqualTo(1);
        }
    }

    @Test
    void withoutItTheDriverReadsTheWholeResultAtOnce() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(BIG)) {
            assertThat(rs.next()).isTrue();
            assertThat(openPortals()).isZero();
        }
    }

    @Test
    void aQueryThatWritesRunsOnceAndItsWriteStaysWhenCommitted() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMPORARY SEQUENCE seq");
        }
        try (StreamedRead stream = StreamedRead.begin(Backend.POSTGRESQL, connection); Statement s = connection.createStatement()) {
            stream.prepare(s);
            try (ResultSet rs = s.executeQuery("SELECT nextval('seq') AS n INTO made_by_a_select")) {
                assertThat(rs).isNull();
            } catch (SQLException e) {
                // SELECT INTO returns no rows: the driver says so; the table is made all the same.
            }
            stream.commit();
        }
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT n, currval('seq') FROM made_by_a_select")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1);
            assertThat(rs.getLong(2)).as("nextval ran once").isEqualTo(1);
        }
        assertThat(connection.getAutoCommit()).isTrue();
    }

    @Test
    void aReadClosedWithoutCommitRollsBack() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMPORARY TABLE kept (n INT)");
        }
        try (StreamedRead stream = StreamedRead.begin(Backend.POSTGRESQL, connection); Statement s = connection.createStatement()) {
            stream.prepare(s);
            s.execute("INSERT INTO kept VALUES (1)");
        }
        assertThat(connection.getAutoCommit()).isTrue();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM kept")) {
            rs.next();
            assertThat(rs.getLong(1)).as("a failed or cancelled read leaves nothing behind").isZero();
        }
    }

    @Test
    void theUsersOwnTransactionIsLeftAlone() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN");
            s.execute("CREATE TEMPORARY TABLE mine (n INT)");
            try (StreamedRead stream = StreamedRead.begin(Backend.POSTGRESQL, connection)) {
                assertThat(stream.streams()).isFalse();
            }
            s.execute("ROLLBACK");
            assertThatThrownBy(() -> s.executeQuery("SELECT n FROM mine")).hasMessageContaining("does not exist");
        }
    }
}
