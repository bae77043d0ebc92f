package io.nasql.shell.serve;

import io.nasql.shell.serve.PgMessages.Message;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The listening side of {@code nasql serve}: accepts PostgreSQL clients on the address asked for,
 * logs each in itself ({@link FrontLogin}), then relays it to H2's PG server on loopback, fixing
 * three things on the way:
 * <ul>
 * <li>H2's PG server sends every result column's name in lower case; the inventory's columns get
 *     their camelCase names back ({@code displayName}), as nasql and the resource page show them.
 * <li>Only reading statements go through ({@link ReadOnlyGuard}); any other becomes a call that
 *     fails with "nasql serve is read only: DROP is refused". That is for the message: the served
 *     database's rights refuse what the filter misses (see {@link ServedDatabase}).
 * <li>The PostgreSQL JDBC driver opens every session with {@code SET extra_float_digits = N}, which
 *     H2's PG server (it reports version 8.2) does not know; H2 prints floats in full anyway, so it
 *     becomes a setting H2 accepts and ignores.
 * </ul>
 * A client has {@link #LOGIN_TIMEOUT} to log in, at most {@value #MAX_CLIENTS} are served
 * at once, and a message longer than a reader sends ends its connection.
 */
final class PgWireFront implements AutoCloseable {
    static final int MAX_CLIENTS = 64;
    static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(30);
    /** PostgreSQL allows 1 GB; no query a reader sends comes near this. */
    private static final int MAX_MESSAGE = 16 << 20;
    private static final Pattern EXTRA_FLOAT_DIGITS = Pattern.compile("(?i)\\s*SET\\s+extra_float_digits\\s*(=|TO)\\s*-?\\d+\\s*;?\\s*");
    private static final String IGNORED_SET = "SET CLIENT_MIN_MESSAGES = notice";

    private final ServerSocket listener;
    private final FrontLogin login;
    private final Duration loginTimeout;
    private final UnaryOperator<String> label;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger clients = new AtomicInteger();
    /** Closes a client still not logged in {@link #loginTimeout} after it connected, however slowly it trickles bytes. */
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "nasql-serve-deadline"));

    PgWireFront(InetAddress address, int port, FrontLogin login, Duration loginTimeout, UnaryOperator<String> label) throws IOException {
        this.login = login;
        this.loginTimeout = loginTimeout;
        this.label = label;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(address, port));
        daemon(this::acceptLoop, "nasql-serve-accept").start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                pauseAfterFailedAccept(); // out of file descriptors, say: do not spin; the loop ends once the listener is closed
                continue;
            }
            open.add(client);
            if (clients.incrementAndGet() > MAX_CLIENTS) {
                refuse(client);
                continue;
            }
            try {
                ScheduledFuture<?> deadline = deadlines.schedule(() -> closeQuietly(client), loginTimeout.toMillis(), TimeUnit.MILLISECONDS);
                daemon(() -> serve(client, deadline), "nasql-serve-in").start();
            } catch (RuntimeException | OutOfMemoryError e) {
                closeQuietly(client); // no thread for it: the others go on
                clients.decrementAndGet();
            }
        }
    }

    /** Told at once, without a thread: its answer fits the socket's buffer. */
    private void refuse(Socket client) {
        try {
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            PgMessages.write(out, 'E', PgMessages.fatalBody("53300", "sorry, too many clients already (nasql serve takes " + MAX_CLIENTS + ")"));
            out.flush();
        } catch (IOException ignored) {
            // it went away first
        } finally {
            closeQuietly(client);
            clients.decrementAndGet();
        }
    }

    private void pauseAfterFailedAccept() {
        if (!listener.isClosed()) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One client: its log-in, then its typed messages, each read whole, to H2's PG server; another thread relays the answers. */
    private void serve(Socket client, ScheduledFuture<?> deadline) {
        Socket backend = null;
        try {
            client.setTcpNoDelay(true);
            client.setKeepAlive(true);
            DataInputStream in = new DataInputStream(new BufferedInputStream(client.getInputStream()));
            DataOutputStream toClient = new DataOutputStream(new BufferedOutputStream(client.getOutputStream()));
            backend = login.login(in, toClient);
            if (backend == null || !deadline.cancel(false)) {
                return;
            }
            open.add(backend);
            Socket server = backend;
            daemon(() -> relayBackend(server, client), "nasql-serve-out").start();
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(backend.getOutputStream()));
            for (Message m = PgMessages.read(in, MAX_MESSAGE); m != null; m = PgMessages.read(in, MAX_MESSAGE)) {
                byte[] body = m.type() == 'Q' ? query(m.body()) : m.type() == 'P' ? parse(m.body()) : m.body();
                PgMessages.write(out, m.type(), body);
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client or the server went away, or the client sent what no client sends
        } finally {
            deadline.cancel(false);
            closeQuietly(client);
            if (backend != null) {
                closeQuietly(backend);
            }
            clients.decrementAndGet();
        }
    }

    /** A Query message: the SQL text, NUL-terminated. */
    private byte[] query(byte[] body) {
        int end = PgMessages.nul(body, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 16);
        out.writeBytes(sql(new String(body, 0, end, StandardCharsets.UTF_8)));
        out.write(0);
        return out.toByteArray();
    }

    /** A Parse message: statement name, SQL text, then parameter types, as they were. */
    private byte[] parse(byte[] body) {
        int nameEnd = PgMessages.nul(body, 0);
        int sqlEnd = PgMessages.nul(body, nameEnd + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 16);
        out.write(body, 0, nameEnd + 1);
        out.writeBytes(sql(new String(body, nameEnd + 1, sqlEnd - nameEnd - 1, StandardCharsets.UTF_8)));
        out.write(body, sqlEnd, body.length - sqlEnd);
        return out.toByteArray();
    }

    /** The SQL as sent on: a refused statement becomes a call that fails saying so, in the protocol's own flow. */
    private static byte[] sql(String text) {
        if (EXTRA_FLOAT_DIGITS.matcher(text).matches()) {
            return IGNORED_SET.getBytes(StandardCharsets.UTF_8);
        }
        String refused = ReadOnlyGuard.refusal(text);
        String sent = refused == null ? text : "CALL \"nasql_read_only\"('" + refused.replace("'", "''") + "')";
        return sent.getBytes(StandardCharsets.UTF_8);
    }

    /** Server to client: typed messages; a RowDescription gets the inventory's column names back. */
    private void relayBackend(Socket backend, Socket client) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(backend.getInputStream()));
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(client.getOutputStream(), 1 << 16))) {
            for (Message m = PgMessages.read(in, Integer.MAX_VALUE); m != null; m = PgMessages.read(in, Integer.MAX_VALUE)) {
                PgMessages.write(out, m.type(), m.type() == 'T' ? rowDescription(m.body()) : m.body());
                if (in.available() == 0) {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(backend);
            closeQuietly(client);
        }
    }

    /** Field count, then per field: name, and 18 bytes of table, column, type, size, modifier and format. */
    private byte[] rowDescription(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 16);
        out.write(body, 0, 2);
        int fields = (body[0] & 0xff) << 8 | (body[1] & 0xff);
        int at = 2;
        for (int i = 0; i < fields; i++) {
            int end = PgMessages.nul(body, at);
            out.writeBytes(label.apply(new String(body, at, end - at, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            out.write(body, end, 19);
            at = end + 19;
        }
        return out.toByteArray();
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        deadlines.shutdownNow();
        open.forEach(this::closeQuietly);
    }
}
