package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.Inventory;
import io.nasql.emulator.EmulatorClock;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.shell.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No password, private key or token reaches stdout, stderr (with --debug, so library logs and
 * stack traces too) or the inventory. Each run is its own JVM, so everything the process
 * prints is captured, java.util.logging and H2 included.
 */
class SecretsTest {
    private static final String PASSWORD = "hunter2secret";

    @TempDir
    Path home;

    private record Run(int code, String out, String err) {
        String both() {
            return out + err;
        }
    }

    private Run nasql(String... args) throws IOException, InterruptedException {
        return nasql(List.of(), args);
    }

    private Run nasql(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        var out = process.getInputStream();
        var err = process.getErrorStream();
        var stderr = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(err.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String stdout = new String(out.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), stdout, stderr.join());
    }

    /** A made-up service-account key: real key material, so it parses like one. */
    private static String serviceAccountKey(String algorithm) throws Exception {
        return serviceAccountKey(algorithm, "http://127.0.0.1:9/token");
    }

    private static String serviceAccountKey(String algorithm, String tokenUri) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        String pem = "-----BEGIN PRIVATE KEY-----\\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                        .replace("\n", "\\n") // escaped, as in a JSON string
                + "\\n-----END PRIVATE KEY-----\\n";
        return "{\"type\": \"service_account\", \"project_id\": \"sec-a\", \"private_key_id\": \"0123456789abcdef0123456789abcdef01234567\","
                + " \"private_key\": \"" + pem + "\", \"client_email\": \"nasql-test@sec-a.iam.gserviceaccount.com\","
                + " \"client_id\": \"123456789012345678901\", \"token_uri\": \"" + tokenUri + "\"}";
    }

    /** Lines of the key's body, each long enough that finding one anywhere means the key leaked. */
    private static List<String> keyLines(String json) {
        String pem = json.substring(json.indexOf("-----BEGIN PRIVATE KEY-----\\n") + 29, json.indexOf("\\n-----END"));
        return Stream.of(pem.split("\\\\n")).filter(l -> l.length() >= 40).toList();
    }

    private static void assertNoSecrets(String text, List<String> keyLines) {
        assertThat(text).doesNotContain(PASSWORD).doesNotContain("PRIVATE KEY-----\\n").doesNotContain("PRIVATE KEY-----\n").doesNotContain("Bearer ")
                .doesNotContain("ya29.").doesNotContain("eyJ").doesNotContain("0123456789abcdef0123456789abcdef01234567");
        for (String line : keyLines) {
            assertThat(text).doesNotContain(line);
        }
    }

    @Test
    void debugRunsShowNoPasswordKeyOrTokenAndTheInventoryHoldsNone() throws Exception {
        Path rsaKey = Files.writeString(home.resolve("key.json"), serviceAccountKey("RSA"));
        Path ecKey = Files.writeString(home.resolve("ec-key.json"), serviceAccountKey("EC"));
        List<String> keyLines = new ArrayList<>(keyLines(Files.readString(rsaKey)));
        keyLines.addAll(keyLines(Files.readString(ecKey)));
        assertThat(keyLines).hasSizeGreaterThan(10);
        String db = "jdbc:h2:file:" + home.resolve("inventory").resolve("google") + ";PASSWORD=" + PASSWORD;
        List<Run> runs = new ArrayList<>();
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("sec-a"), List.of("us-central1"), 3, 5), EmulatorClock.system(1))) {
            Run synced = nasql("--debug", "--db", db, "--endpoint", emulator.endpoint(), "--plaintext", "--credentials", rsaKey.toString(),
                    "--projects", "sec-a", "--locations", "us-central1", "-o", "text",
                    "-e", "SYNC; SELECT COUNT(*) AS jobs FROM google.aiplatform.nas_jobs; SELECT 1 AS x FROM google.aiplatform.nas_jobs WHERE"
                            + " projectsId = 'no-such-project' AND locationsId = 'us-central1'");
            assertThat(synced.code()).as(synced.err()).isZero();
            assertThat(synced.out()).contains("jobs\n3\n");
            runs.add(synced);
            // TLS against the plaintext emulator, with a key file that is read and refused: the error and its --debug trace.
            Run refused = nasql("--debug", "--db", db, "--endpoint", emulator.endpoint(), "--credentials", ecKey.toString(),
                    "--projects", "sec-a", "--locations", "us-central1", "sync");
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("error: cannot read credentials from " + ecKey).contains("\tat ");
            runs.add(refused);
        }
        Path plainFile = Files.writeString(home.resolve("plain-file"), "not a folder");
        String uncreatable = "jdbc:h2:file:" + plainFile.resolve("x").resolve("google") + ";PASSWORD=" + PASSWORD;
        Run oneLine = nasql("--db", uncreatable, "-e", "SELECT 1");
        assertThat(oneLine.code()).isEqualTo(1);
        assertThat(oneLine.out()).isEmpty();
        assertThat(oneLine.err()).startsWith("error: cannot create inventory jdbc:h2:file:" + plainFile.resolve("x").resolve("google")
                + ";PASSWORD=***").endsWith("\n").hasLineCount(1);
        runs.add(oneLine);
        runs.add(nasql("--debug", "--db", uncreatable, "-e", "SELECT 1"));
        for (Run run : runs) {
            assertNoSecrets(run.both(), keyLines);
        }
        try (Inventory inventory = Inventory.open(db); Connection c = inventory.connection();
             Statement s = c.createStatement(); ResultSet script = s.executeQuery("SCRIPT")) {
            StringBuilder dump = new StringBuilder();
            while (script.next()) {
                dump.append(script.getString(1)).append('\n');
            }
            assertThat(dump).contains("'sec-a'"); // the dump holds the synced jobs
            assertNoSecrets(dump.toString(), keyLines);
        }
        // Read in place, never copied: no other file under the home folder holds the key or the password.
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(rsaKey) && !f.equals(ecKey)).toList()) {
                assertNoSecrets(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1), keyLines);
            }
        }
    }

    /** Whatever the URL: one that turns H2's trace file on, on a path that cannot be created, is still one line. */
    @Test
    void aUrlThatTurnsTheTraceFileOnIsStillOneLine() throws Exception {
        Path plainFile = Files.writeString(home.resolve("plain-file"), "not a folder");
        Run run = nasql("--db", "jdbc:h2:file:" + plainFile.resolve("x").resolve("google") + ";TRACE_LEVEL_FILE=1;PASSWORD=" + PASSWORD,
                "-e", "SELECT 1");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("error: ").contains("TRACE_LEVEL_FILE=1").endsWith("\n").hasLineCount(1);
        assertNoSecrets(run.both(), List.of());
    }

    /**
     * A real access token: the key's token_uri is an endpoint on 127.0.0.1 that hands out a ya29. token, and
     * nasql reaches the emulator through TLS, the path on which the client fetches the token and sends it with
     * every call. The token exists in the process, yet appears nowhere: not on stdout, not on stderr with
     * --debug, not in the inventory or any file nasql writes. The key file is named by --credentials, or by
     * {@code credentials:} in the settings file: either way it is read (the token was fetched with it), never copied,
     * never logged.
     */
    @ParameterizedTest(name = "key named in {0}")
    @ValueSource(strings = {"--credentials", "config.yaml"})
    void aRealAccessTokenSentOverTlsIsNeverShownOrStored(String keyNamedIn) throws Exception {
        String token = "ya29.c." + java.util.UUID.randomUUID().toString().replace("-", "") + "_Tok3n";
        java.util.concurrent.atomic.AtomicInteger issued = new java.util.concurrent.atomic.AtomicInteger();
        com.sun.net.httpserver.HttpServer tokens = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        tokens.createContext("/token", exchange -> {
            exchange.getRequestBody().readAllBytes();
            issued.incrementAndGet();
            byte[] body = ("{\"access_token\": \"" + token + "\", \"expires_in\": 3599, \"token_type\": \"Bearer\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        tokens.start();
        Path key = Files.writeString(home.resolve("key.json"), serviceAccountKey("RSA",
                "http://127.0.0.1:" + tokens.getAddress().getPort() + "/token"));
        List<String> keyLines = keyLines(Files.readString(key));
        String db = "jdbc:h2:file:" + home.resolve("inventory").resolve("google") + ";PASSWORD=" + PASSWORD;
        List<String> credentials = List.of("--credentials", key.toString());
        if (keyNamedIn.equals("config.yaml")) {
            Path folder = Files.createDirectories(home.resolve(".nasql"));
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            Files.writeString(folder.resolve("config.yaml"), "credentials: " + key + "\n");
            credentials = List.of();
        }
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("sec-a"), List.of("us-central1"), 3, 5), EmulatorClock.system(1));
             TlsFront front = TlsFront.start(home, emulator.port())) {
            List<String> args = new ArrayList<>(List.of("--debug", "--verbose", "--db", db, "--endpoint", front.endpoint()));
            args.addAll(credentials);
            args.addAll(List.of("--projects", "sec-a", "--locations", "us-central1", "-o", "text",
                    "-e", "SYNC; SELECT COUNT(*) AS jobs FROM google.aiplatform.nas_jobs"));
            Run synced = nasql(front.trustOptions(), args.toArray(String[]::new));
            assertThat(synced.code()).as(synced.err()).isZero();
            assertThat(synced.out()).contains("jobs\n3\n");
            assertThat(issued.get()).as("the client fetched the token to send it").isPositive();
            assertThat(synced.both()).doesNotContain(token).doesNotContain(token.substring(7));
            assertNoSecrets(synced.both(), keyLines);
        } finally {
            tokens.stop(0);
        }
        try (Inventory inventory = Inventory.open(db); Connection c = inventory.connection();
             Statement s = c.createStatement(); ResultSet script = s.executeQuery("SCRIPT")) {
            StringBuilder dump = new StringBuilder();
            while (script.next()) {
                dump.append(script.getString(1)).append('\n');
            }
            assertThat(dump).contains("'sec-a'").doesNotContain(token.substring(7));
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.equals(key)).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(token.substring(7));
            }
        }
    }
}
