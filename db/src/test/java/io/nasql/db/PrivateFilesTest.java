package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {
    @TempDir
    Path root;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void foldersAreCreatedOwnerOnlyParentsIncluded() throws Exception {
        PrivateFiles.createFolder(root.resolve("a").resolve("b"));
        assertThat(mode(root.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(root.resolve("a").resolve("b"))).isEqualTo("rwx------");
    }

    @Test
    void filesAreCreatedOwnerOnlyOnceAndNeverReplaced() throws Exception {
        Path file = root.resolve("google.password");
        PrivateFiles.createFile(file, "first\n");
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThatThrownBy(() -> PrivateFiles.createFile(file, "second\n")).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("first\n");
        try (var left = Files.list(root)) {
            assertThat(left).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void theChmodIsSaidOnlyWhenOthersCanOpenThePath() throws Exception {
        Path folder = Files.createDirectories(root.resolve("f"));
        Path file = Files.writeString(folder.resolve("config.yaml"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
        assertThat(PrivateFiles.chmodIfOthersCanOpen(folder)).contains("chmod 700 " + folder);
        assertThat(PrivateFiles.chmodIfOthersCanOpen(file)).contains("chmod 600 " + file);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        assertThat(PrivateFiles.chmodIfOthersCanOpen(folder)).isEmpty();
        assertThat(PrivateFiles.chmodIfOthersCanOpen(file)).isEmpty();
        assertThat(PrivateFiles.chmodIfOthersCanOpen(folder.resolve("missing"))).isEmpty();
    }

    @Test
    void filesAreMadeWithoutHardLinksSoFileSystemsWithoutThemWork() throws Exception {
        // A zip file system, like vfat or exFAT, has no hard links.
        try (var zip = java.nio.file.FileSystems.newFileSystem(root.resolve("no-links.zip"), java.util.Map.of("create", "true"))) {
            Path file = zip.getPath("/google.password");
            PrivateFiles.createFile(file, "first\n");
            assertThat(Files.readString(file)).isEqualTo("first\n");
            assertThatThrownBy(() -> PrivateFiles.createFile(file, "second\n")).isInstanceOf(FileAlreadyExistsException.class);
        }
    }

    @Test
    void aPasswordFileStillBeingWrittenIsWaitedFor() throws Exception {
        Path file = root.resolve("google.password");
        String password = "abcdefghijklmnopqrstuvwxyzABCDEF";
        PrivateFiles.createFile(file, ""); // made by another process that has not written it yet
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(200);
                Files.writeString(file, password + "\n");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();
        assertThat(InventoryPassword.existing(file)).contains(password);
        writer.join();
    }
}
