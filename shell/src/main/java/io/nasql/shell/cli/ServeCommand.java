package io.nasql.shell.cli;

import io.nasql.db.Backend;
import io.nasql.shell.error.ExitCodes;
import io.nasql.shell.error.UsageException;
import io.nasql.shell.serve.GeneratedPassword;
import io.nasql.shell.serve.ReadOnlyEndpoint;
import io.nasql.shell.statement.Settings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code nasql serve}: the local inventory on the PostgreSQL wire protocol, read-only, until Ctrl-C or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the local H2 inventory, read-only, to PostgreSQL clients (psql, Grafana, notebooks) until stopped.")
public final class ServeCommand implements Callable<Integer> {
    /** How often serve checks that the served database is still open (H2 closes it when a query runs out of memory). */
    private static final int HEALTH_CHECK_SECONDS = 2;

    @ParentCommand
    NasqlCommand nasql;

    @Option(names = "--port", defaultValue = "5433", description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--listen", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String listen;

    @Override
    public Integer call() throws Exception {
        GlobalOptions options = nasql.options();
        Io io = nasql.io();
        if (options.demo()) {
            throw new UsageException("--demo's inventory is a throwaway one; `nasql serve` serves ~/.nasql or --db");
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("--port takes 0 to 65535, not " + port);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(listen);
        } catch (UnknownHostException e) {
            throw new UsageException("--listen " + listen + ": not an address of this machine");
        }
        ConfigFile file = options.settingsFile(io);
        options.warnAboutPermissions(io, file, null);
        SessionConfig config = options.sessionConfig(io, file, null, null);
        if (Backend.ofInventory(config.dbUrl()) == Backend.POSTGRESQL) {
            throw new UsageException("the inventory is PostgreSQL already: connect psql to it directly; serve is for an H2 inventory");
        }
        String password = file.servePassword() != null ? file.servePassword() : GeneratedPassword.of(20);
        // The front checks the serve password itself and pauses after a wrong one. H2's own pause holds a lock every
        // log-in needs, so wrong passwords sent to H2's loopback port would stall everyone's log-in: none in this process.
        System.setProperty("h2.delayWrongPasswordMin", "0");
        System.setProperty("h2.delayWrongPasswordMax", "0");
        // Serve runs no statements of its own: of the run's object graph it uses only the inventory.
        try (Wiring wiring = new Wiring(config, new Settings(), Clock.systemUTC());
             ReadOnlyEndpoint endpoint = ReadOnlyEndpoint.start(wiring.inventory().inventory().h2Login(), address, port, password)) {
            CountDownLatch stop = new CountDownLatch(1);
            try (Interrupts interrupts = Interrupts.onFirst(stop::countDown)) {
                io.out().println("nasql serve listening on " + endpoint.url(listen));
                io.out().flush();
                while (!stop.await(HEALTH_CHECK_SECONDS, TimeUnit.SECONDS)) {
                    try {
                        if (endpoint.reopenIfClosed()) {
                            io.err().println("nasql serve: the served database closed (a query ran out of memory?); it is open again");
                        }
                    } catch (SQLException e) {
                        io.err().println("nasql serve: the served database closed and could not be opened again (trying again): "
                                + e.getMessage().lines().findFirst().orElse(""));
                    }
                    io.err().flush();
                }
            }
            io.err().println("nasql serve stopped");
            io.err().flush();
        }
        return ExitCodes.OK;
    }
}
