package io.nasql.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * A real PostgreSQL for tests: the server binaries come as a Maven dependency (zonky's embedded
 * PostgreSQL), started once per test JVM on a free port and stopped at exit. Each test gets a
 * fresh database {@code google}, copied from a migrated template so that it costs no Flyway run.
 */
public final class TestPostgres {
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().setServerConfig("hba_file", hbaFile().toString()).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the data folder is a temporary one
                }
            }));
            createTemplate();
        }
        return server;
    }

    /** The role that must log in with a password; the superuser postgres is trusted. */
    public static final String PASSWORD_ROLE = "nasql_team";

    private static Path hbaFile() throws IOException {
        Path file = Files.createTempFile("nasql-pg-hba", ".conf");
        file.toFile().deleteOnExit();
        Files.writeString(file, String.join("\n",
                "local all postgres trust",
                "host all postgres 127.0.0.1/32 trust",
                "host all postgres ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256", ""));
        return file;
    }

    /** The URL of database {@code name} on the test server, as the superuser {@code postgres} (trust authentication). */
    public static String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + server().getPort() + "/" + name + "?user=postgres";
    }

    public static int port() {
        return server().getPort();
    }

    /** A fresh, migrated database {@code google} (any previous one dropped) and its URL. */
    public static synchronized String freshGoogle() {
        server();
        admin("DROP DATABASE IF EXISTS google WITH (FORCE)", "CREATE DATABASE google TEMPLATE google_template");
        return url("google");
    }

    /** A fresh inventory in database {@code google}; the caller closes it. */
    public static Inventory freshInventory() {
        return Inventory.open(freshGoogle(), null, Map.of());
    }

    private static void createTemplate() {
        admin("CREATE ROLE " + PASSWORD_ROLE + " LOGIN PASSWORD 'team-secret-42'", "CREATE DATABASE google");
        Inventory.open(url("google"), null, Map.of()).close();
        admin("ALTER DATABASE google RENAME TO google_template");
    }

    /** Runs statements in database postgres, waiting out connections a closed pool has not yet ended. */
    public static void admin(String... statements) {
        run("postgres", statements);
    }

    /** Runs statements as the superuser in a database. */
    public static void run(String database, String... statements) {
        for (String sql : statements) {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = DriverManager.getConnection(url(database)); Statement s = c.createStatement()) {
                    s.execute(sql);
                    break;
                } catch (SQLException e) {
                    if (attempt == 50 || !String.valueOf(e.getMessage()).contains("being accessed by other users")) {
                        throw new IllegalStateException(sql + ": " + e.getMessage(), e);
                    }
                    sleep();
                }
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
