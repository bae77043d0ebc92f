package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class H2ConnectionsTest {
    /** A data source whose first {@code failures} connections fail with {@code code}, as a broken kept one does. */
    private static final class Failing implements ConnectionPoolDataSource {
        private final JdbcDataSource real = new JdbcDataSource();
        private final AtomicInteger failures;
        private final int code;
        private final String message;
        final AtomicInteger asked = new AtomicInteger();

        Failing(int failures, int code) {
            this(failures, code, "Connection is broken: \"java.io.EOFException: localhost:40931\"");
        }

        Failing(int failures, int code, String message) {
            real.setURL("jdbc:h2:mem:h2connections" + System.nanoTime());
            this.failures = new AtomicInteger(failures);
            this.code = code;
            this.message = message;
        }

        @Override
        public PooledConnection getPooledConnection() throws SQLException {
            asked.incrementAndGet();
            if (failures.getAndDecrement() > 0) {
                throw new SQLException(message, "90067", code);
            }
            return real.getPooledConnection();
        }

        @Override
        public PooledConnection getPooledConnection(String user, String password) throws SQLException {
            return getPooledConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }
    }

    @Test
    void aBrokenConnectionIsDroppedAndAnotherAskedFor() throws Exception {
        Failing source = new Failing(3, ErrorCode.CONNECTION_BROKEN_1);
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        try (Connection c = new H2Connections(pool).getConnection()) {
            assertThat(c.createStatement().executeQuery("SELECT 1").next()).isTrue();
        }
        assertThat(source.asked).hasValue(4);
        // jOOQ's way in, and Flyway's, try again the same way.
        boolean valid = DSL.using(new H2Connections(pool), SQLDialect.H2).connectionResult(viaJooq -> viaJooq.isValid(1));
        assertThat(valid).isTrue();
        pool.dispose();
        Failing again = new Failing(2, ErrorCode.CONNECTION_BROKEN_1);
        JdbcConnectionPool forFlyway = JdbcConnectionPool.create(again);
        try (Connection viaFlyway = new H2Connections(forFlyway).getConnection()) {
            assertThat(viaFlyway.isValid(1)).isTrue();
        }
        assertThat(again.asked).hasValue(3);
        assertThat(new H2Connections(forFlyway).isWrapperFor(JdbcConnectionPool.class)).isTrue();
        forFlyway.dispose();
    }

    @Test
    void otherErrorsAndABreakThatLastsAreNotHidden() {
        Failing wrongPassword = new Failing(1, ErrorCode.WRONG_USER_OR_PASSWORD);
        assertThatThrownBy(() -> new H2Connections(JdbcConnectionPool.create(wrongPassword)).getConnection())
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getErrorCode()).isEqualTo(ErrorCode.WRONG_USER_OR_PASSWORD);
        assertThat(wrongPassword.asked).hasValue(1);
        Failing forever = new Failing(Integer.MAX_VALUE, ErrorCode.CONNECTION_BROKEN_1);
        assertThatThrownBy(() -> new H2Connections(JdbcConnectionPool.create(forever)).getConnection())
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getErrorCode()).isEqualTo(ErrorCode.CONNECTION_BROKEN_1);
        // Twenty tries, or fewer if a slow machine used up the time budget first.
        assertThat(forever.asked.get()).isBetween(10, 20);
        // No server there at all: H2 already waited its second, so it is not asked again.
        Failing refused = new Failing(Integer.MAX_VALUE, ErrorCode.CONNECTION_BROKEN_1,
                "Connection is broken: \"java.net.ConnectException: Connection refused: localhost:1\"");
        assertThatThrownBy(() -> new H2Connections(JdbcConnectionPool.create(refused)).getConnection()).isInstanceOf(SQLException.class);
        assertThat(refused.asked).hasValue(1);
    }
}
