package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    void saysClearlyWhenThereIsNoJava(@TempDir Path bin) throws Exception {
        for (String tool : List.of("dirname", "readlink", "sed", "head", "find", "cat", "rm", "mktemp")) {
            Path target = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(bin.resolve(tool), Files.exists(target) ? target : Path.of("/bin", tool));
        }
        Run run = launch(bin, bin, bin.toString(), "--version");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("nasql: no java on the PATH: install a JDK 17 or newer\n");
    }
}
