package io.nasql.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The open inventory: an H2 database named {@code google}, migrated to this build's schema,
 * with a connection pool and a jOOQ context over it.
 */
public final class Inventory implements AutoCloseable {
    /** The highest migration this build ships; {@code InventoryTest} keeps it in step with the files. */
    public static final int SCHEMA_VERSION = 3;

    static final String DATABASE_NAME = "google";
    private static final String CASE_SETTINGS = "DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    private static final String HISTORY_SCHEMA = "nasql";
    private static final int MAX_CONNECTIONS = 128;

    static {
        // jOOQ prints a banner and tips on first use; nasql's output is the user's results only.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    private final String displayName;
    private final JdbcConnectionPool pool;
    private DSLContext dsl;

    private Inventory(String displayName, JdbcConnectionPool pool) {
        this.displayName = displayName;
        this.pool = pool;
    }

    /** The JDBC URL of the inventory file {@code google.mv.db} in a folder. */
    public static String urlForFolder(Path folder) {
        // AUTO_SERVER lets a second nasql process open the same file through the first one.
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve(DATABASE_NAME) + ";AUTO_SERVER=TRUE;" + CASE_SETTINGS;
    }

    /** Opens (creating when needed, owner-only) the inventory in a folder. */
    public static Inventory openFolder(Path folder) {
        createOwnerOnly(folder);
        return open(urlForFolder(folder), folder.toAbsolutePath().resolve(DATABASE_NAME + ".mv.db").toString());
    }

    /** Opens the inventory at a JDBC URL ({@code jdbc:h2:...}). */
    public static Inventory open(String jdbcUrl) {
        return open(jdbcUrl, jdbcUrl);
    }

    private static Inventory open(String jdbcUrl, String displayName) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            throw new InventoryException("unsupported inventory URL " + jdbcUrl + ": nasql keeps its inventory in H2 (jdbc:h2:...)");
        }
        String url = jdbcUrl.toUpperCase().contains("DATABASE_TO_UPPER") ? jdbcUrl : jdbcUrl + ";" + CASE_SETTINGS;
        if (isFile(url) && !url.toUpperCase().contains("AUTO_SERVER")) {
            // A second nasql on the same file goes through the first, as with the default folder.
            url += ";AUTO_SERVER=TRUE";
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "", "");
        // Sync commits scopes from many threads at once; H2's default of 10 would make them queue.
        pool.setMaxConnections(MAX_CONNECTIONS);
        try {
            prepare(pool, displayName);
            return new Inventory(displayName, pool);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /** A file database (jdbc:h2:file:... or a bare path), as opposed to mem:, tcp: or ssl:. */
    private static boolean isFile(String url) {
        String rest = url.substring("jdbc:h2:".length());
        return rest.startsWith("file:") || !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")
                || rest.startsWith("zip:"));
    }

    private static void prepare(JdbcConnectionPool pool, String displayName) {
        try (Connection connection = pool.getConnection()) {
            int current = schemaVersion(connection);
            if (current > SCHEMA_VERSION) {
                throw new InventoryException("inventory " + displayName + " was written by a newer nasql (schema version "
                        + current + ", this nasql knows " + SCHEMA_VERSION + "): upgrade nasql, or use another --db");
            }
            if (current < SCHEMA_VERSION) {
                migrate(pool);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE ALIAS IF NOT EXISTS \"json_value\" DETERMINISTIC FOR '"
                        + JsonPath.class.getName() + ".value'");
            }
        } catch (SQLException e) {
            throw explain(e, displayName);
        }
    }

    /** The version recorded by Flyway, or 0 for an empty database; one cheap query. */
    private static int schemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = '" + HISTORY_SCHEMA + "' AND TABLE_NAME = 'flyway_schema_history'")) {
            exists.next();
            if (exists.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM \""
                     + HISTORY_SCHEMA + "\".\"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(HISTORY_SCHEMA)
                .defaultSchema(HISTORY_SCHEMA)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    private static InventoryException explain(SQLException e, String displayName) {
        return switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> new InventoryException("inventory " + displayName
                    + " is locked by another program that opened it without AUTO_SERVER: close that program, or use another --db", e);
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1, ErrorCode.GENERAL_ERROR_1,
                 ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2 -> new InventoryException("inventory " + displayName
                    + " is unreadable (" + firstLine(e.getMessage()) + "): check its permissions; if it is damaged,"
                    + " move it aside and run `nasql sync` to rebuild it", e);
            default -> new InventoryException("inventory " + displayName + ": " + firstLine(e.getMessage()), e);
        };
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void createOwnerOnly(Path folder) {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw new InventoryException("cannot create the inventory folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The jOOQ context, made on first use: a statement that only runs SQL never pays for jOOQ's start. */
    public synchronized DSLContext dsl() {
        if (dsl == null) {
            dsl = DSL.using(pool, SQLDialect.H2, new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED));
        }
        return dsl;
    }

    /** A plain JDBC connection for statements the user types; the caller closes it. */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** The file or URL, as messages name it. */
    public String displayName() {
        return displayName;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
