package io.nasql.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Connections to a PostgreSQL inventory. The password is the URL's, else {@code PGPASSWORD},
 * else the configured one, else the driver's own look-up in {@code ~/.pgpass} (or {@code PGPASSFILE});
 * the user is the URL's, else {@code PGUSER}, else the login name, as psql does it.
 */
final class PostgresPool {
    /** The driver's SQLState for a closed connection. */
    private static final String CONNECTION_DOES_NOT_EXIST = "08003";

    private PostgresPool() {
    }

    private static JdbcConnectionPool create(String url, String configuredPassword, Map<String, String> env, int maxConnections) {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        try {
            source.setURL(url);
        } catch (IllegalArgumentException e) {
            throw new InventoryException("inventory URL " + Secrets.mask(url) + " is not a PostgreSQL JDBC URL: "
                    + "write jdbc:postgresql://HOST[:PORT]/google");
        }
        if (source.getUser() == null || source.getUser().isEmpty()) {
            source.setUser(env.getOrDefault("PGUSER", System.getProperty("user.name")));
        }
        if (source.getPassword() == null) {
            String password = env.get("PGPASSWORD") != null ? env.get("PGPASSWORD") : configuredPassword;
            if (password != null) {
                source.setPassword(password);
            }
        }
        source.setApplicationName("nasql");
        JdbcConnectionPool pool = JdbcConnectionPool.create(source);
        pool.setMaxConnections(maxConnections);
        return pool;
    }

    /**
     * A connection from the pool that the server has not closed. The pool hands out again a
     * connection it took back after the server closed it (a restart, a timeout); handing it out
     * then fails, which drops it from the pool, so the next one is taken, up to the pool's size.
     */
    static Connection live(JdbcConnectionPool pool, int maxConnections) throws SQLException {
        for (int dropped = 0; ; dropped++) {
            try {
                return pool.getConnection();
            } catch (SQLException e) {
                if (dropped >= maxConnections || !CONNECTION_DOES_NOT_EXIST.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    /** A pool on the URL's database, which must be named {@code database}: google.aiplatform.nas_jobs resolves only there. */
    static JdbcConnectionPool open(String url, String configuredPassword, Map<String, String> env, int maxConnections,
                                   String database) {
        JdbcConnectionPool pool = create(url, configuredPassword, env, maxConnections);
        String displayName = Secrets.mask(url);
        try (var c = pool.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            if (!rs.getString(1).equals(database)) {
                throw new InventoryException("inventory " + displayName + " is database " + rs.getString(1) + ": name it "
                        + database + " (CREATE DATABASE " + database + "), so that " + database + ".aiplatform.nas_jobs resolves");
            }
            return pool;
        } catch (SQLException e) {
            pool.dispose();
            throw InventoryErrors.explain(e, displayName, null);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }
}
