package io.nasql.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** Folders and files that only their owner can open, made so in the step that creates them. */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    /** Creates the folder and any missing parents as 0700; an existing folder is left as it is. */
    public static void createFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder, attributes(folder, "rwx------"));
    }

    /**
     * Writes a new 0600 file in one step: the content goes to a private temporary file that is
     * then linked to its name, so no one ever sees it half written or readable by others.
     *
     * @throws FileAlreadyExistsException when another process made it first
     */
    public static void createFile(Path file, String content) throws IOException {
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".nasql-", ".tmp", attributes(file, "rw-------"));
        try {
            Files.writeString(temporary, content);
            Files.createLink(file, temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The {@code chmod} that makes an existing path owner-only, or empty when other users cannot
     * open it: a folder that lets them in at all, or a file they may read in a folder they may enter.
     */
    public static Optional<String> chmodIfOthersCanOpen(Path path) {
        try {
            if (!Files.exists(path) || !posix(path)) {
                return Optional.empty();
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            if (Files.isDirectory(path)) {
                return permissions.stream().anyMatch(OTHERS::contains) ? Optional.of("chmod 700 " + path) : Optional.empty();
            }
            Path folder = path.toAbsolutePath().getParent();
            boolean folderOpen = folder == null || Files.getPosixFilePermissions(folder).stream()
                    .anyMatch(p -> p == PosixFilePermission.GROUP_EXECUTE || p == PosixFilePermission.OTHERS_EXECUTE);
            boolean readable = permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ);
            return folderOpen && readable ? Optional.of("chmod 600 " + path) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] attributes(Path path, String permissions) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }
}
