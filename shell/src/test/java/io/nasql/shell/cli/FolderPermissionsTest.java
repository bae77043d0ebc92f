package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
