package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.shell.Main;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ~/.nasql is made owner-only; files others can read get one warning line with the chmod that fixes them. */
class FolderPermissionsTest {
    @TempDir
    Path home;

    @Test
    void theFolderIsCreatedOwnerOnlyAndNothingIsSaid() throws Exception {
        Cli.Result result = Cli.run(home, "", "-o", "text", "-e", "SELECT 1 AS a");
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("a\n1\n");
        Path folder = home.resolve(".nasql");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("google.password")))).isEqualTo("rw-------");
    }

    @Test
    void filesOthersCanReadAreNamedOnceWithTheChmodThatFixesThem() throws Exception {
        Path folder = Files.createDirectories(home.resolve(".nasql"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = Files.writeString(folder.resolve("config.yaml"), "output: text\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        Cli.Result first = Cli.run(home, "", "-e", "SELECT 1 AS a; SELECT 2 AS b");
        assertThat(first.out()).isEqualTo("a\n1\nb\n2\n");
        Path inventory = folder.resolve("google.mv.db");
        Files.setPosixFilePermissions(inventory, PosixFilePermissions.fromString("rw-r--r--"));
        Cli.Result second = Cli.run(home, "", "-e", "SELECT 1 AS a; SELECT 2 AS b");
        assertThat(second.err()).isEqualTo("warning: other users can read nasql's files; to fix: chmod 700 " + folder
                + " && chmod 600 " + config + " && chmod 600 " + inventory + "\n");
        assertThat(first.err()).isEqualTo("warning: other users can read nasql's files; to fix: chmod 700 " + folder
                + " && chmod 600 " + config + "\n");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        // Inside an owner-only folder, no one else reaches the files, whatever their own bits say.
        assertThat(Cli.run(home, "", "-e", "SELECT 1 AS a").err()).isEmpty();
    }

    /** `nasql serve` opens and serves the same files: it gives the same warning, on stderr, before it listens. */
    @Test
    void serveWarnsToo() throws Exception {
        Path folder = Files.createDirectories(home.resolve(".nasql"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = Files.writeString(folder.resolve("config.yaml"), "output: text\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        Path err = home.resolve("serve.err");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=" + home,
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve", "--port", "0")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).redirectError(err.toFile()).start();
        try {
            String first = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertThat(first).as("stderr: %s", Files.readString(err)).startsWith("nasql serve listening on ");
            assertThat(Files.readString(err)).isEqualTo("warning: other users can read nasql's files; to fix: chmod 700 " + folder
                    + " && chmod 600 " + config + "\n");
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void anInventoryElsewhereIsCheckedToo(@TempDir Path shared) throws Exception {
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        String db = "jdbc:h2:file:" + shared.resolve("team");
        assertThat(Cli.sql(home, db, "-e", "SELECT 1 AS a").err()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared.resolve("team.password")))).isEqualTo("rw-------");
        Files.setPosixFilePermissions(shared.resolve("team.mv.db"), PosixFilePermissions.fromString("rw-r-----"));
        assertThat(Cli.sql(home, db, "-e", "SELECT 1 AS a").err())
                .isEqualTo("warning: other users can read nasql's files; to fix: chmod 600 " + shared.resolve("team.mv.db") + "\n");
    }

    @Test
    void theLockFileWithTheSharingKeyIsCheckedToo(@TempDir Path shared) throws Exception {
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path lock = Files.writeString(shared.resolve("team.lock.db"), "server=127.0.0.1:1\n");
        Files.setPosixFilePermissions(lock, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(PermissionWarning.of(home.resolve(".nasql"), home.resolve(".nasql").resolve("config.yaml"),
                "jdbc:h2:file:" + shared.resolve("team"))).contains("warning: other users can read nasql's files; to fix: chmod 600 " + lock);
    }
}
