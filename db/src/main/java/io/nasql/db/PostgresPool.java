package io.nasql.db;

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
    private PostgresPool() {
    }

    static JdbcConnectionPool create(String url, String configuredPassword, Map<String, String> env, int maxConnections) {
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

    /** The database the URL names: nasql resolves google.aiplatform.nas_jobs only in one named google. */
    static String databaseName(JdbcConnectionPool pool) throws SQLException {
        try (var c = pool.getConnection(); var s = c.createStatement(); var rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
