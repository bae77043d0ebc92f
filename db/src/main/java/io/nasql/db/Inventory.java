package io.nasql.db;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The open inventory: a database named {@code google} (an H2 file by default, or a team's
 * PostgreSQL), migrated to this build's schema, with a connection pool and a jOOQ context over it.
 */
public final class Inventory implements AutoCloseable {
    /** The highest migration this build ships; {@code InventoryTest} keeps it in step with the files. */
    public static final int SCHEMA_VERSION = 12;

    static final String DATABASE_NAME = "google";
    private static final String CASE_SETTINGS = "DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
    private static final int MAX_CONNECTIONS = 128;
    private static final String LOOPBACK = "127.0.0.1";

    static {
        // jOOQ prints a banner and tips on first use; nasql's output is the user's results only.
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        // AUTO_SERVER's sharing server listens on this address only (H2 reads it once, when it loads).
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", LOOPBACK);
        }
    }

    private final Backend backend;
    private final String displayName;
    private final JdbcConnectionPool pool;
    /** How to open this H2 inventory again in this process (URL with its settings, password); null on PostgreSQL. */
    private final H2Login h2Login;
    private DSLContext dsl;

    private Inventory(Backend backend, String displayName, JdbcConnectionPool pool, H2Login h2Login) {
        this.backend = backend;
        this.displayName = displayName;
        this.pool = pool;
        this.h2Login = h2Login;
    }

    /** The JDBC URL of the inventory file {@code google.mv.db} in a folder. */
    public static String urlForFolder(Path folder) {
        // AUTO_SERVER lets a second nasql process open the same file through the first one.
        return "jdbc:h2:file:" + folder.toAbsolutePath().resolve(DATABASE_NAME) + ";AUTO_SERVER=TRUE;" + CASE_SETTINGS;
    }

    /** Opens (creating when needed, owner-only) the inventory in a folder; refuses a folder others could plant files in. */
    public static Inventory openFolder(Path folder) {
        PrivateFiles.unsafeFolder(folder).ifPresent(reason -> {
            throw new InventoryException("nasql keeps its inventory and its password in " + folder + ", but " + reason
                    + ": fix the folder, or pass --db with a folder of your own");
        });
        createOwnerOnly(folder);
        return open(urlForFolder(folder), folder.toAbsolutePath().resolve(DATABASE_NAME + ".mv.db").toString());
    }

    /** Opens the inventory at {@code jdbc:h2:...} or {@code jdbc:postgresql://HOST/google}; messages mask its password. */
    public static Inventory open(String jdbcUrl) {
        return open(jdbcUrl, null, System.getenv());
    }

    /** As above; PostgreSQL's password is the URL's, else PGPASSWORD in {@code env}, else {@code password}, else ~/.pgpass. */
    public static Inventory open(String jdbcUrl, String password, Map<String, String> env) {
        Secrets.rememberUrlPassword(jdbcUrl);
        if (Backend.of(jdbcUrl) == Backend.POSTGRESQL) {
            return openPostgres(jdbcUrl, password, env);
        }
        return open(jdbcUrl, Secrets.mask(jdbcUrl));
    }

    private static Inventory openPostgres(String jdbcUrl, String password, Map<String, String> env) {
        String displayName = Secrets.mask(jdbcUrl);
        JdbcConnectionPool pool = PostgresPool.open(jdbcUrl, password, env, MAX_CONNECTIONS, DATABASE_NAME);
        try {
            prepare(Backend.POSTGRESQL, pool, new Opening(jdbcUrl, "", displayName, null));
            return new Inventory(Backend.POSTGRESQL, displayName, pool, null);
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    private static Inventory open(String jdbcUrl, String displayName) {
        if (InventoryFiles.otherFileSystem(jdbcUrl)) {
            throw new InventoryException("unsupported inventory URL " + displayName + ": H2's nio:, split:, async: and other file"
                    + " systems are not supported; name the file as jdbc:h2:file:/path/to/NAME");
        }
        String url = jdbcUrl.toUpperCase().contains("DATABASE_TO_UPPER") ? jdbcUrl : jdbcUrl + ";" + CASE_SETTINGS;
        String settings = url.toUpperCase(Locale.ROOT);
        if (isFile(url) && !settings.contains("AUTO_SERVER")) {
            // A second nasql on the same file goes through the first, as with the default folder.
            url += ";AUTO_SERVER=TRUE";
        }
        url = H2UrlSettings.withDefaults(url, isFile(url));
        Optional<InventoryFiles> files = isFile(url) ? InventoryFiles.of(url) : Optional.empty();
        if (url.toUpperCase(Locale.ROOT).contains(";AUTO_SERVER=TRUE")) {
            requireLoopbackSharing(org.h2.engine.SysProperties.BIND_ADDRESS);
        }
        String finalUrl = url;
        if (files.isPresent() && !settings.contains(";USER=") && !settings.contains(";PASSWORD=")) {
            // A file inventory gets a password of its own unless the URL brings one.
            return InventoryPassword.locked(files.get(), () -> openWithOwnPassword(finalUrl, displayName, files.get()));
        }
        return openPool(new Opening(url, "", displayName, files.orElse(null)));
    }

    /** Reads the password, or makes one: for a new inventory at once, for an old one only once it is known to have none. */
    private static Inventory openWithOwnPassword(String url, String displayName, InventoryFiles files) {
        Optional<String> existing = InventoryPassword.existing(files.password());
        if (existing.isPresent() || !Files.exists(files.data())) {
            String password = existing.orElseGet(() -> InventoryPassword.create(files.password()));
            return openPool(new Opening(url, password, displayName, files));
        }
        String password;
        try (Connection old = DriverManager.getConnection(url, "", "")) {
            password = InventoryPassword.create(files.password());
            InventoryPassword.set(old, password);
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw new InventoryException("inventory " + displayName + " has a password of its own, but its password file "
                        + files.password() + " is missing: restore that file from a backup, or move the inventory aside and run"
                        + " `nasql sync` to rebuild it", e);
            }
            throw InventoryErrors.explain(e, displayName, files.data());
        }
        return openPool(new Opening(url, password, displayName, files));
    }

    private static Inventory openPool(Opening opening) {
        boolean created = opening.files() != null && !Files.exists(opening.files().data());
        JdbcConnectionPool pool = JdbcConnectionPool.create(opening.url(), "", opening.password());
        // Sync commits scopes from many threads at once; H2's default of 10 would make them queue.
        pool.setMaxConnections(MAX_CONNECTIONS);
        try {
            prepare(Backend.H2, pool, opening);
            if (opening.files() != null) {
                // H2 makes its files with the default umask; the lock file holds the sharing server's port and key.
                if (created) {
                    PrivateFiles.makeOwnerOnly(opening.files().data());
                }
                PrivateFiles.makeOwnerOnly(opening.files().lock());
            }
            return new Inventory(Backend.H2, opening.displayName(), pool, new H2Login(opening.url(), opening.password()));
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /** What opening one inventory needs to know to upgrade it and to explain a failure; files is null unless in a file. */
    private record Opening(String url, String password, String displayName, InventoryFiles files) {
        Path dataFile() {
            return files == null ? null : files.data();
        }
    }

    /** H2 reads h2.bindAddress once; if something loaded H2 before this class, sharing would listen on every interface. */
    static void requireLoopbackSharing(String bound) {
        boolean loopback;
        try {
            loopback = bound != null && !bound.isBlank() && InetAddress.getByName(bound).isLoopbackAddress();
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new InventoryException("AUTO_SERVER would share the inventory on " + (bound == null || bound.isBlank()
                    ? "every interface" : bound) + ", not only on this machine: start the JVM with -Dh2.bindAddress=" + LOOPBACK);
        }
    }

    /** A file database (jdbc:h2:file:... or a bare path), as opposed to mem:, tcp: or ssl:. */
    private static boolean isFile(String url) {
        String rest = url.substring("jdbc:h2:".length());
        return rest.startsWith("file:") || !(rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")
                || rest.startsWith("zip:"));
    }

    private static void prepare(Backend backend, JdbcConnectionPool pool, Opening opening) {
        String displayName = opening.displayName();
        try (Connection connection = backend == Backend.H2 ? firstConnection(pool, opening) : pool.getConnection()) {
            int current = Migrations.schemaVersion(connection);
            if (current > SCHEMA_VERSION) {
                throw new InventoryException("inventory " + displayName + " was written by a newer nasql (schema version "
                        + current + ", this nasql knows " + SCHEMA_VERSION + "): upgrade nasql, or use another --db");
            }
            if (backend == Backend.H2) {
                // Before migrating: V2 reads the promoted fields of existing jobs with it. On PostgreSQL
                // json_value is a function the migrations create.
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE ALIAS IF NOT EXISTS \"json_value\" DETERMINISTIC FOR '"
                            + JsonPath.class.getName() + ".value'");
                }
            }
            if (current < SCHEMA_VERSION) {
                if (current == 1 && backend == Backend.H2) {
                    FailedNarrowRows.undo(connection, Migrations.HISTORY_SCHEMA);
                }
                if (current > 0 && backend == Backend.H2) {
                    FailedMigrations.forget(connection, Migrations.HISTORY_SCHEMA);
                }
                Migrations.migrate(backend, backend == Backend.H2 ? new H2Connections(pool) : pool);
            }
        } catch (SQLException e) {
            throw InventoryErrors.explain(e, opening.displayName(), opening.dataFile());
        }
    }

    /**
     * The first connection. An inventory whose password file was made but not yet given to it (a run
     * stopped in between) still opens with the empty one, and gets the file's password then.
     */
    private static Connection firstConnection(JdbcConnectionPool pool, Opening opening) throws SQLException {
        try {
            return new H2Connections(pool).getConnection();
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD || opening.password().isEmpty()) {
                throw e;
            }
        }
        try (Connection old = DriverManager.getConnection(opening.url(), "", "")) {
            InventoryPassword.set(old, opening.password());
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.WRONG_USER_OR_PASSWORD) {
                throw e;
            }
            throw new InventoryException("inventory " + opening.displayName() + " does not take the password in "
                    + opening.files().password() + ": restore the password file that belongs to it, or move the inventory aside"
                    + " and run `nasql sync` to rebuild it", e);
        }
        return new H2Connections(pool).getConnection();
    }

    private static void createOwnerOnly(Path folder) {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            PrivateFiles.createFolder(folder);
        } catch (IOException e) {
            throw new InventoryException("cannot create the inventory folder " + folder + " (" + InventoryPassword.reason(e) + ")", e);
        }
    }

    /** The jOOQ context, made on first use: a statement that only runs SQL never pays for jOOQ's start. */
    public synchronized DSLContext dsl() {
        if (dsl == null) {
            DataSource connections = backend == Backend.H2 ? new H2Connections(pool) : pool;
            dsl = DSL.using(connections, backend.dialect(), new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED));
        }
        return dsl;
    }

    /** A JDBC connection for the user's statements (the caller closes it); on PostgreSQL camelCase names get quoted. */
    public Connection connection() throws SQLException {
        return backend == Backend.POSTGRESQL ? QuotingConnection.postgres(PostgresPool.live(pool, MAX_CONNECTIONS)) : new H2Connections(pool).getConnection();
    }

    /** H2 or PostgreSQL. */
    public Backend backend() {
        return backend;
    }

    /** How to open this H2 inventory again in this process, e.g. to link to it; not for PostgreSQL. */
    public H2Login h2Login() {
        if (h2Login == null) {
            throw new InventoryException("inventory " + displayName + " is not an H2 database");
        }
        return h2Login;
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
