package io.nasql.shell.serve;

import io.nasql.shell.serve.PgMessages.Message;
import io.nasql.shell.serve.PgMessages.Startup;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;

/**
 * Logs one client in. The front asks for the serve password and checks it itself; only then does
 * it log in to H2's PG server, as the reader, with a secret the client never sees. So H2's own
 * loopback port is no way around the front, a wrong password never reaches H2 (whose failed
 * log-ins print stack traces and hold a lock every log-in needs), and the client gets PostgreSQL's
 * own answer. SSL and GSS encryption requests are declined here, as H2 does not speak them.
 */
final class FrontLogin {
    static final String DATABASE = "google";
    private static final long FAILED_DELAY_MILLIS = 500;

    private final byte[] password;
    private final String readerSecret;
    private final int backendPort;
    private final int timeoutMillis;

    /** {@code timeout} bounds each wait on H2's PG server during a log-in. */
    FrontLogin(String password, String readerSecret, int backendPort, Duration timeout) {
        this.timeoutMillis = (int) timeout.toMillis();
        this.password = password.getBytes(StandardCharsets.UTF_8);
        this.readerSecret = readerSecret;
        this.backendPort = backendPort;
    }

    int backendPort() {
        return backendPort;
    }

    /** H2's PG server, logged in for this client, its answer to the log-in still to relay; null when the client was answered already. */
    Socket login(DataInputStream in, DataOutputStream out) throws IOException {
        Startup startup = PgMessages.readStartup(in);
        for (int declined = 0; startup.code() == PgMessages.SSL_REQUEST || startup.code() == PgMessages.GSS_REQUEST; declined++) {
            if (declined == 2) { // a client asks for each at most once
                return refuse(out, "08P01", "encryption was declined already");
            }
            out.write('N');
            out.flush();
            startup = PgMessages.readStartup(in);
        }
        if (startup.code() == PgMessages.CANCEL_REQUEST) {
            forward(startup); // H2 checks the key it gave the session being cancelled
            return null;
        }
        if (startup.code() != PgMessages.PROTOCOL_3) {
            return refuse(out, "08P01", "unsupported frontend protocol: nasql serve speaks version 3.0");
        }
        String user = startup.parameters().getOrDefault("user", "");
        String database = startup.parameters().getOrDefault("database", user);
        PgMessages.write(out, 'R', PgMessages.authenticationBody(3));
        out.flush();
        Message answer = PgMessages.read(in, PgMessages.MAX_STARTUP);
        if (answer == null) {
            return null;
        }
        if (answer.type() != 'p') {
            return refuse(out, "08P01", "expected a password message");
        }
        byte[] given = Arrays.copyOf(answer.body(), PgMessages.nul(answer.body(), 0));
        if (!MessageDigest.isEqual(given, password) || !user.equals(ReadOnlyEndpoint.USER)) {
            pause();
            return refuse(out, "28P01", "password authentication failed for user \"" + user + "\"");
        }
        if (!database.equals(DATABASE)) {
            return refuse(out, "3D000", "database \"" + database + "\" does not exist (nasql serve serves \"" + DATABASE + "\")");
        }
        String encoding = startup.parameters().get("client_encoding");
        if (encoding != null && !knownEncoding(encoding)) { // H2 would drop the connection without a word
            return refuse(out, "22023", "invalid value for parameter \"client_encoding\": \"" + encoding + "\"");
        }
        return backend(startup, out);
    }

    /** As H2 reads it: quotes stripped (node-postgres sends 'utf-8'), UNICODE meaning UTF-8, else a Java charset name. */
    private static boolean knownEncoding(String encoding) {
        String name = encoding.length() >= 2 && encoding.startsWith("'") && encoding.endsWith("'")
                ? encoding.substring(1, encoding.length() - 1) : encoding;
        try {
            return name.equals("UNICODE") || Charset.isSupported(name);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Socket backend(Startup startup, DataOutputStream out) throws IOException {
        Socket backend = new Socket();
        try {
            backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backendPort), timeoutMillis);
            backend.setSoTimeout(timeoutMillis);
            backend.setTcpNoDelay(true);
            DataOutputStream toBackend = new DataOutputStream(backend.getOutputStream());
            PgMessages.writeStartup(toBackend, startup);
            // Unbuffered: the relay reads what follows from the same socket.
            Message ask = PgMessages.read(new DataInputStream(backend.getInputStream()), PgMessages.MAX_STARTUP);
            if (ask != null && ask.type() == 'E') { // H2 refused the startup (an unknown client_encoding, say): its own words
                backend.close();
                PgMessages.write(out, 'E', ask.body());
                out.flush();
                return null;
            }
            if (ask == null || ask.type() != 'R' || PgMessages.int32(ask.body(), 0) != 3) {
                throw new IOException("H2's PG server answered " + (ask == null ? "nothing" : "'" + (char) ask.type() + "'")
                        + " where it asks for a password");
            }
            PgMessages.write(toBackend, 'p', PgMessages.passwordBody(readerSecret));
            toBackend.flush();
            backend.setSoTimeout(0);
            return backend;
        } catch (IOException e) {
            backend.close();
            return refuse(out, "08006", "nasql serve cannot reach its database: " + e.getMessage());
        }
    }

    private void forward(Startup cancel) {
        try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
            PgMessages.writeStartup(new DataOutputStream(backend.getOutputStream()), cancel);
        } catch (IOException ignored) {
            // a cancel is best effort, in PostgreSQL too
        }
    }

    private static Socket refuse(DataOutputStream out, String sqlState, String message) throws IOException {
        PgMessages.write(out, 'E', PgMessages.fatalBody(sqlState, message));
        out.flush();
        return null;
    }

    /** Slows guessing down, in this client's own thread only. */
    private static void pause() {
        try {
            Thread.sleep(FAILED_DELAY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
