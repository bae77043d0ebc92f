package io.nasql.shell.serve;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The listening side of {@code nasql serve}: accepts PostgreSQL clients on the address asked for
 * and relays each to H2's PG server on loopback, fixing two things on the way:
 * <ul>
 * <li>H2's PG server sends every result column's name in lower case; the inventory's columns get
 *     their camelCase names back ({@code displayName}), as nasql and the resource page show them.
 * <li>Only reading statements go through ({@link ReadOnlyGuard}); any other becomes a call that
 *     fails with "nasql serve is read only: DROP is refused". That is for the message: the served
 *     database's rights refuse what the filter misses (see {@link ReadOnlyEndpoint}).
 * <li>The PostgreSQL JDBC driver opens every session with {@code SET extra_float_digits = N}, which
 *     H2's PG server (it reports version 8.2) does not know; H2 prints floats in full anyway, so it
 *     becomes a setting H2 accepts and ignores.
 * </ul>
 * Everything else passes through as it is.
 */
final class PgWireFront implements AutoCloseable {
    private static final Pattern EXTRA_FLOAT_DIGITS = Pattern.compile("(?i)\\s*SET\\s+extra_float_digits\\s*(=|TO)\\s*-?\\d+\\s*;?\\s*");
    private static final String IGNORED_SET = "SET CLIENT_MIN_MESSAGES = notice";
    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    /** PostgreSQL's own limit on a client message (MaxAllocSize, 1 GB) is far above any query a reader sends. */
    private static final int MAX_MESSAGE = 64 << 20;

    private final ServerSocket listener;
    private final int backendPort;
    private final UnaryOperator<String> label;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    PgWireFront(InetAddress address, int port, int backendPort, UnaryOperator<String> label) throws IOException {
        this.label = label;
        this.listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(address, port));
        this.backendPort = backendPort;
        this.acceptor = new Thread(this::acceptLoop, "nasql-serve-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    int backendPort() {
        return backendPort;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                continue; // the listener closed (the loop ends), or one client failed to connect: the others go on
            }
            open.add(client);
            try {
                Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
                open.add(backend);
                daemon(() -> relayFrontend(client, backend), "nasql-serve-in").start();
            } catch (IOException e) {
                closeQuietly(client); // no backend for it: the client sees the connection close
            }
        }
    }

    /**
     * Client to server: the startup packet as it is (after any SSL or GSS request, whose one-byte
     * answer is passed back here), then typed messages, each read whole. The server's side is
     * relayed by another thread once the startup packet is through.
     */
    private void relayFrontend(Socket client, Socket backend) {
        try (DataInputStream in = new DataInputStream(client.getInputStream());
             DataOutputStream out = new DataOutputStream(backend.getOutputStream())) {
            int code;
            do {
                int length = in.readInt();
                byte[] body = body(in, length);
                out.writeInt(length);
                out.write(body);
                out.flush();
                code = body.length >= 4 ? ((body[0] & 0xff) << 24 | (body[1] & 0xff) << 16 | (body[2] & 0xff) << 8 | (body[3] & 0xff)) : 0;
                if (code == SSL_REQUEST || code == GSS_REQUEST) {
                    int answer = backend.getInputStream().read();
                    client.getOutputStream().write(answer);
                    client.getOutputStream().flush();
                }
            } while (code == SSL_REQUEST || code == GSS_REQUEST);
            daemon(() -> relayBackend(backend, client), "nasql-serve-out").start();
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                byte[] body = body(in, length);
                if (type == 'Q') {
                    body = query(body);
                } else if (type == 'P') {
                    body = parse(body);
                }
                out.write(type);
                out.writeInt(body.length + 4);
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client or the server went away
        } finally {
            closeQuietly(client);
            closeQuietly(backend);
        }
    }

    /** A client message's body; a length no PostgreSQL client sends ends the connection (it would not be a client). */
    private static byte[] body(DataInputStream in, int length) throws IOException {
        if (length < 4 || length > MAX_MESSAGE) {
            throw new IOException("message length " + length);
        }
        return in.readNBytes(length - 4);
    }

    /** A Query message: the SQL text, NUL-terminated. */
    private byte[] query(byte[] body) {
        int end = indexOfNul(body, 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 16);
        out.writeBytes(sql(new String(body, 0, end, StandardCharsets.UTF_8)));
        out.write(0);
        return out.toByteArray();
    }

    /** A Parse message: statement name, SQL text, then parameter types, as they were. */
    private byte[] parse(byte[] body) {
        int nameEnd = indexOfNul(body, 0);
        int sqlEnd = indexOfNul(body, nameEnd + 1);
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
        try (DataInputStream in = new DataInputStream(backend.getInputStream());
             DataOutputStream out = new DataOutputStream(client.getOutputStream())) {
            while (true) {
                int type = in.read();
                if (type < 0) {
                    return;
                }
                int length = in.readInt();
                byte[] body = in.readNBytes(length - 4);
                if (type == 'T') {
                    body = rowDescription(body);
                }
                out.write(type);
                out.writeInt(body.length + 4);
                out.write(body);
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
            int end = indexOfNul(body, at);
            out.writeBytes(label.apply(new String(body, at, end - at, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
            out.write(body, end, 19);
            at = end + 19;
        }
        return out.toByteArray();
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return bytes.length;
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
        open.forEach(this::closeQuietly);
    }
}
