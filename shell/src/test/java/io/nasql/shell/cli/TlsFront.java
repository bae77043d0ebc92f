package io.nasql.shell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * TLS (with HTTP/2's ALPN) in front of the plaintext emulator, on 127.0.0.1 port 0, so the real client takes
 * the path that sends credentials; bytes pass through unchanged. Its certificate is made by keytool for
 * 127.0.0.1 and kept in a PKCS12 file that the client JVM trusts through javax.net.ssl.trustStore.
 */
final class TlsFront implements AutoCloseable {
    static final String STORE_PASSWORD = "changeit";

    private final SSLServerSocket server;
    private final Path store;

    private TlsFront(SSLServerSocket server, Path store) {
        this.server = server;
        this.store = store;
    }

    static TlsFront start(Path folder, int emulatorPort) throws Exception {
        Path store = folder.resolve("tls.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "front", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", STORE_PASSWORD,
                "-keypass", STORE_PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, STORE_PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(managers.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TlsFront front = new TlsFront(server, store);
        Thread acceptor = new Thread(() -> front.accept(emulatorPort), "tls-front");
        acceptor.setDaemon(true);
        acceptor.start();
        return front;
    }

    private void accept(int emulatorPort) {
        while (!server.isClosed()) {
            try {
                SSLSocket client = (SSLSocket) server.accept();
                SSLParameters parameters = client.getSSLParameters();
                parameters.setApplicationProtocols(new String[] {"h2"});
                client.setSSLParameters(parameters);
                Socket emulator = new Socket(InetAddress.getLoopbackAddress(), emulatorPort);
                pump(client, emulator);
                pump(emulator, client);
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed; the other follows
            } finally {
                try {
                    to.close();
                    from.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "tls-front-pump");
        thread.setDaemon(true);
        thread.start();
    }

    String endpoint() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    /** JVM options that make a client trust this front's certificate. */
    java.util.List<String> trustOptions() {
        return java.util.List.of("-Djavax.net.ssl.trustStore=" + store, "-Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD,
                "-Djavax.net.ssl.trustStoreType=PKCS12");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
