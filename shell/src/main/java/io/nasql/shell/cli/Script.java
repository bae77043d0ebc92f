package io.nasql.shell.cli;

import io.nasql.shell.error.UsageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A script to run in batch mode: its text and where it came from ({@code -e}, a file, stdin). */
record Script(String text, String source) {

    /** The -e statements, then the -f files, then stdin when it is piped and nothing else was given. */
    static List<Script> all(GlobalOptions options, Io io) throws IOException {
        List<Script> scripts = new ArrayList<>();
        for (String sql : options.execute()) {
            scripts.add(new Script(sql, "-e"));
        }
        for (String file : options.files()) {
            scripts.add(file.equals("-") ? stdin(io) : new Script(read(file), file));
        }
        if (scripts.isEmpty() && !io.stdinIsTerminal()) {
            scripts.add(stdin(io));
        }
        return scripts;
    }

    private static Script stdin(Io io) throws IOException {
        return new Script(new String(io.in().readAllBytes(), StandardCharsets.UTF_8), "<stdin>");
    }

    static String read(String file) throws IOException {
        try {
            return Files.readString(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("-f " + file + ": no such file");
        }
    }
}
