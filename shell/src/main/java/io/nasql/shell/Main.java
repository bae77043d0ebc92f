package io.nasql.shell;

import io.nasql.db.FileCompaction;
import io.nasql.db.Secrets;
import io.nasql.shell.cli.Io;
import io.nasql.shell.cli.NasqlCommand;
import io.nasql.shell.error.ErrorReporter;
import io.nasql.shell.error.ExitCodes;
import io.nasql.shell.cli.TerminalStreams;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** The entry point: the only class that touches System.in, out, err and exit. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        TerminalStreams terminals = TerminalStreams.detect(System.console() != null);
        Io io = new Io(System.in, System.out, System.err, terminals.stdin(), terminals.stderr(),
                System.getenv(), Path.of(System.getProperty("user.home")), terminals.stdout());
        int code = run(args, io);
        System.out.flush();
        System.exit(code);
    }

    /**
     * Flyway, jOOQ and gRPC log through java.util.logging; a shell's output is the user's
     * results, so only warnings show unless --verbose or --debug asks for more.
     */
    private static void quietLogging(boolean verbose) {
        java.util.logging.Logger root = java.util.logging.LogManager.getLogManager().getLogger("");
        java.util.logging.Level level = verbose ? java.util.logging.Level.INFO : java.util.logging.Level.WARNING;
        root.setLevel(level);
        for (java.util.logging.Handler handler : root.getHandlers()) {
            handler.setLevel(level);
            handler.setFormatter(new MaskingLogFormatter(handler.getFormatter()));
        }
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, Io io) {
        quietLogging(java.util.Arrays.asList(args).contains("--verbose") || java.util.Arrays.asList(args).contains("--debug"));
        NasqlCommand nasql = new NasqlCommand();
        nasql.setIo(io);
        CommandLine cli = new CommandLine(nasql);
        cli.setOut(new PrintWriter(io.out(), true));
        cli.setErr(new PrintWriter(io.err(), true));
        cli.setParameterExceptionHandler((e, args2) -> {
            PrintWriter err = e.getCommandLine().getErr();
            err.println("error: " + Secrets.mask(e.getMessage()));
            err.println("try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) ->
                new ErrorReporter(new PrintWriter(io.err(), true), parseResult.hasMatchedOption("--debug"), false).report(e));
        try {
            return cli.execute(args);
        } finally {
            // What a command allowed (sync, the shell, a writing batch) ends with it: the next run in this JVM starts from none.
            FileCompaction.forbid();
        }
    }
}
