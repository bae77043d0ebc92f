package io.nasql.shell.serve;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The few PostgreSQL protocol (v3) messages the front reads or writes itself. */
final class PgMessages {
    static final int SSL_REQUEST = 80877103;
    static final int GSS_REQUEST = 80877104;
    static final int CANCEL_REQUEST = 80877102;
    static final int PROTOCOL_3 = 196608;
    /** PostgreSQL's own limit on a startup packet. */
    static final int MAX_STARTUP = 10_000;

    /** A typed message: its type byte and body (without the length). */
    record Message(int type, byte[] body) {
    }

    /** An untyped packet from a client not yet started: SSL, GSS or cancel request, or the startup packet. */
    record Startup(int code, byte[] body) {
        /** The startup packet's parameters (user, database, ...). */
        Map<String, String> parameters() {
            Map<String, String> parameters = new HashMap<>();
            int at = 4;
            while (at < body.length && body[at] != 0) {
                int keyEnd = nul(body, at);
                int valueEnd = nul(body, keyEnd + 1);
                parameters.put(text(body, at, keyEnd), text(body, keyEnd + 1, valueEnd));
                at = valueEnd + 1;
            }
            return parameters;
        }
    }

    private PgMessages() {
    }

    static Startup readStartup(DataInputStream in) throws IOException {
        byte[] body = body(in, 8, MAX_STARTUP, "startup packet");
        return new Startup(int32(body, 0), body);
    }

    static void writeStartup(DataOutputStream out, Startup startup) throws IOException {
        out.writeInt(startup.body().length + 4);
        out.write(startup.body());
        out.flush();
    }

    /** The next typed message, or null at the end of the stream; a length over {@code max} ends the connection. */
    static Message read(DataInputStream in, int max) throws IOException {
        int type = in.read();
        if (type < 0) {
            return null;
        }
        return new Message(type, body(in, 4, max, "message"));
    }

    /** A length (counting itself) in {@code min..max}, then that many bytes; the stream ending first is an EOFException. */
    private static byte[] body(DataInputStream in, int min, int max, String what) throws IOException {
        int length = in.readInt();
        if (length < min || length > max) {
            throw new IOException(what + " length " + length);
        }
        byte[] body = new byte[length - 4];
        in.readFully(body);
        return body;
    }

    static void write(DataOutputStream out, int type, byte[] body) throws IOException {
        out.write(type);
        out.writeInt(body.length + 4);
        out.write(body);
    }

    /** A password message: the password, NUL-terminated. */
    static byte[] passwordBody(String password) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(password.getBytes(StandardCharsets.UTF_8));
        body.write(0);
        return body.toByteArray();
    }

    /** Authentication request {@code code}: 3 asks for a clear-text password, 0 says it is done. */
    static byte[] authenticationBody(int code) {
        return new byte[] {(byte) (code >>> 24), (byte) (code >>> 16), (byte) (code >>> 8), (byte) code};
    }

    /** A FATAL ErrorResponse's body with SQLSTATE {@code code}, as PostgreSQL words it. */
    static byte[] fatalBody(String code, String message) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        field(body, 'S', "FATAL");
        field(body, 'V', "FATAL");
        field(body, 'C', code);
        field(body, 'M', message);
        body.write(0);
        return body.toByteArray();
    }

    private static void field(ByteArrayOutputStream body, char type, String value) {
        body.write(type);
        body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        body.write(0);
    }

    static int int32(byte[] bytes, int at) {
        return at + 4 > bytes.length ? -1
                : (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8 | (bytes[at + 3] & 0xff);
    }

    static int nul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return bytes.length;
    }

    static String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, Math.max(0, to - from), StandardCharsets.UTF_8);
    }
}
