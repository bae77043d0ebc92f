package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/nasql after the package phase, run from another directory as a user would. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("..", "scripts", "nasql").toAbsolutePath().normalize();

    private record Run(int code, String out, String err) {
    }

    private static Run launch(Path workingDirectory, Path home, String path, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().put("HOME", home.toString());
        if (path != null) {
            builder.environment().put("PATH", path);
        }
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void runsFromAnotherDirectory(@TempDir Path elsewhere) throws Exception {
        Run version = launch(elsewhere, elsewhere, null, "--version");
        assertThat(version.code()).isZero();
        assertThat(version.out()).startsWith("nasql 0.1.0-SNAPSHOT");
        Run select = launch(elsewhere, elsewhere, null, "-o", "text", "-e", "SELECT 6 * 7 AS answer");
        assertThat(select.err()).isEmpty();
        assertThat(select.out()).isEqualTo("answer\n42\n");
        assertThat(elsewhere.resolve(".nasql").resolve("google.mv.db")).exists();
    }

    @Test
    void aClassArchiveMadeForAnotherJarIsMadeAgain(@TempDir Path home) throws Exception {
        // `mvn verify` rebuilds the jar without the launcher; the JVM then dropped the old archive in silence.
        Path jar = LAUNCHER.getParent().getParent().resolve("shell").resolve("target").resolve("nasql.jar");
        Path archive = jar.resolveSibling("nasql.jsa");
        Path madeFor = jar.resolveSibling("nasql.jsa.jar");
        assertThat(launch(home, home, null, "--version").code()).isZero();
        Assumptions.assumeTrue(Files.exists(archive), "this JVM wrote no class archive (the launcher then runs without one)");
        FileTime before = Files.getLastModifiedTime(archive);
        Files.writeString(madeFor, "0 0\n"); // as if the archive had been made for another jar
        assertThat(launch(home, home, null, "--version").code()).isZero();
        assertThat(archive).exists();
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(before);
        assertThat(Files.readString(madeFor).trim())
                .isEqualTo(Files.size(jar) + " " + Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS));
    }

    @Test
    void saysClearlyWhenThereIsNoJava(@TempDir Path bin) throws Exception {
        for (String tool : List.of("dirname", "readlink", "sed", "head", "find", "cat", "rm", "mktemp")) {
            Path target = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(bin.resolve(tool), Files.exists(target) ? target : Path.of("/bin", tool));
        }
        Run run = launch(bin, bin, bin.toString(), "--version");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("nasql: no java on the PATH: install a JDK 17 or newer\n");
    }

    /** Runs a shell command line on a pseudo-terminal (util-linux {@code script}), typing {@code keys}; returns what the terminal showed. */
    private static String onTerminal(Path home, String commandLine, String keys) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", commandLine, "/dev/null").redirectErrorStream(true);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("TERM", "xterm-256color");
        builder.environment().remove("NO_COLOR");
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write(keys.getBytes(StandardCharsets.UTF_8));
        }
        String shown = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return shown;
    }

    @Test
    void eachStandardStreamIsATerminalOrNotOnItsOwn(@TempDir Path home) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script makes the terminal");
        String nasql = LAUNCHER + " --db jdbc:h2:mem:t -o vertical -e \"SELECT JSON '{\\\"k\\\":1}' AS spec\"";
        // stdout on the terminal: the vertical form colours its field names; stderr to a file gets no escape codes.
        Path log = home.resolve("err.log");
        String coloured = onTerminal(home, nasql + " 2>" + log, "");
        assertThat(coloured).contains("\u001b[1mspec\u001b[0m | {").contains("\u001b[36m\"k\"\u001b[0m: 1");
        assertThat(Files.readString(log)).doesNotContain("\u001b").doesNotContain("\r");
        // stdout into a pipe: no colour, though stdin and stderr are still the terminal.
        assertThat(onTerminal(home, nasql + " | cat", "")).contains("spec | {").doesNotContain("\u001b[1m");
        // stdin on the terminal and stdout into a pipe: the shell still opens and reads what is typed.
        String shell = onTerminal(home, LAUNCHER + " --db jdbc:h2:mem:t | cat", "SELECT 40 + 2 AS answer;\nexit\n");
        assertThat(shell).contains("| answer |").contains("|     42 |");
    }

    @Test
    void theShellsResultsGoIntoThePipeAndItsPromptStaysOnTheTerminal(@TempDir Path home) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "util-linux script makes the terminal");
        Path piped = home.resolve("piped.txt");
        // A terminal of a known size, so that the line editor draws its prompt in full.
        String shown = onTerminal(home, "stty cols 120 rows 40; " + LAUNCHER + " --db jdbc:h2:mem:t | cat > " + piped,
                "SELECT 40 + 2 AS answer;\nSELECT 'b' || 'c' AS two;\nexit\n");
        // What reaches the pipe: both results, in order, without colour, and no prompt or line editing.
        String pipe = Files.readString(piped);
        assertThat(pipe).contains("| answer |").contains("|     42 |").contains("| bc  |").doesNotContain("\u001b").doesNotContain("nasql");
        assertThat(pipe.indexOf("42")).isLessThan(pipe.indexOf("bc"));
        // The terminal: the prompt and what was typed, but no results.
        assertThat(shown).contains("nasql").contains("SELECT 40 + 2").doesNotContain("|     42 |").doesNotContain("(1 row)");
    }
}
