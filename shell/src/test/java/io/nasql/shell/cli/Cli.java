package io.nasql.shell.cli;

import io.nasql.shell.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Runs the whole command line in process, from arguments and stdin to captured text out. */
public final class Cli {
    public record Result(int code, String out, String err) {
    }

    private Cli() {
    }

    /** A fresh in-memory inventory for one test. */
    public static String memoryDb() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + "/google;DB_CLOSE_DELAY=-1";
    }

    public static Result run(Path home, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false, false, Map.of(), home);
        int code = Main.run(args, io);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs with {@code --db} set to the given inventory. */
    public static Result sql(Path home, String db, String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db));
        all.addAll(List.of(args));
        return run(home, "", all.toArray(String[]::new));
    }
}
