package io.nasql.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
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
     * Writes a new file, 0600 from the moment it exists (CREATE_NEW with the mode, never through a link), so no
     * one else can ever open it. A reader may find it empty for a moment: readers of such files wait for content.
     * Needs no hard links, which vfat, exFAT and some network or FUSE file systems lack.
     *
     * @throws FileAlreadyExistsException when another process made it first
     */
    public static void createFile(Path file, String content) throws IOException {
        // CREATE_NEW never follows a link: a planted symlink makes it fail, as any existing name does.
        try (var channel = Files.newByteChannel(file, java.util.Set.<java.nio.file.OpenOption>of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), ownerOnlyFile(file))) {
            channel.write(java.nio.ByteBuffer.wrap(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** The attribute that makes a new file 0600, where the file system has POSIX modes. */
    static FileAttribute<?>[] ownerOnlyFile(Path file) {
        return attributes(file, "rw-------");
    }

    /** Makes an existing file of the user's 0600 (H2 makes its files with the default umask); others' files are left alone. */
    static void makeOwnerOnly(Path file) {
        try {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && posix(file)
                    && Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).equals(currentUser(file))) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            // Left as it is; the permission warning names it on the next run.
        }
    }

    /** The user running nasql, as the file system names owners. */
    static UserPrincipal currentUser(Path path) throws IOException {
        return path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
    }

    /**
     * Why nasql must not keep secrets in an existing folder, or empty: one that is not the user's, or that others can
     * write (they could plant or swap files in it).
     */
    public static Optional<String> unsafeFolder(Path folder) {
        try {
            if (!Files.isDirectory(folder) || !posix(folder)) {
                return Optional.empty();
            }
            PosixFileAttributes attributes = Files.readAttributes(folder, PosixFileAttributes.class);
            if (!attributes.owner().equals(currentUser(folder))) {
                return Optional.of(folder + " belongs to " + attributes.owner().getName() + ", not to you");
            }
            Set<PosixFilePermission> permissions = attributes.permissions();
            if (permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                return Optional.of("other users can write in " + folder + " (chmod 700 " + folder + ")");
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
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
