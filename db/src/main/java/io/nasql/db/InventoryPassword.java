package io.nasql.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The inventory's own password: random, made once, kept in an owner-only file beside the database.
 * Only a password nasql could have made is accepted (it is sent to H2 as a bound value anyway), and
 * only from a regular file of the user's that no one else can open.
 */
final class InventoryPassword {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** What {@link #random()} makes: 24 random bytes, URL-safe Base64. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{32,256}");
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);
    /** Another writer may have made the file and not yet written it: wait this long for its content. */
    private static final int EMPTY_RETRIES = 20;
    /** FileChannel locks belong to the process: threads of one JVM take turns here first. */
    private static final Object IN_PROCESS = new Object();

    private InventoryPassword() {
    }

    /** The password in the file, or empty when there is none yet. */
    static Optional<String> existing(Path file) {
        try {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.empty();
            }
            requireOwnPrivateFile(file);
            return Optional.of(read(file));
        } catch (IOException e) {
            throw cannotUse(file, e);
        }
    }

    /** A new password in a new owner-only file (its folder made owner-only too); another process's when it won. */
    static String create(Path file) {
        try {
            PrivateFiles.createFolder(file.toAbsolutePath().getParent());
            String password = random();
            try {
                PrivateFiles.createFile(file, password + "\n");
                Secrets.remember(password);
                return password;
            } catch (FileAlreadyExistsException e) {
                return existing(file).orElseThrow(); // another nasql made it a moment ago
            }
        } catch (IOException e) {
            throw cannotUse(file, e);
        }
    }

    /** Sets the password of the database an open connection is logged into: bound, never spliced into SQL. */
    static void set(Connection connection, String password) throws SQLException {
        if (!WELL_FORMED.matcher(password).matches()) {
            throw new IllegalArgumentException("not a password nasql makes");
        }
        String user;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT CURRENT_USER")) {
            rs.next();
            user = rs.getString(1);
        }
        try (PreparedStatement alter = connection.prepareStatement("ALTER USER \"" + user.replace("\"", "\"\"") + "\" SET PASSWORD ?")) {
            alter.setString(1, password);
            alter.execute();
        }
    }

    /**
     * Holds the inventory's lock file while a password is read, made or given to an old inventory and the
     * first connection opens, so that two nasql processes starting at once never make two passwords or
     * open the file twice during an upgrade.
     */
    static <T> T locked(InventoryFiles files, java.util.function.Supplier<T> work) {
        Path lockFile = files.passwordLock();
        synchronized (IN_PROCESS) {
            try {
                PrivateFiles.createFolder(lockFile.toAbsolutePath().getParent());
                try (FileChannel channel = FileChannel.open(lockFile, Set.<java.nio.file.OpenOption>of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS), PrivateFiles.ownerOnlyFile(lockFile)); FileLock lock = channel.lock()) {
                    return work.get();
                }
            } catch (IOException e) {
                throw cannotUse(files.password(), e);
            }
        }
    }

    /** A symlink, someone else's file or one others may open could hand nasql a password it never made. */
    private static void requireOwnPrivateFile(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new InventoryException("the inventory's password file " + file + " is not a regular file: remove it,"
                    + " or move the inventory aside and run `nasql sync` to rebuild it");
        }
        if (!attributes.owner().equals(PrivateFiles.currentUser(file))) {
            throw new InventoryException("the inventory's password file " + file + " belongs to " + attributes.owner().getName()
                    + ", not to you: nasql uses only a password file of yours");
        }
        if (attributes.permissions().stream().anyMatch(OTHERS::contains)) {
            throw new InventoryException("other users can open the inventory's password file " + file + ": run chmod 600 " + file
                    + " if no one else changed it; otherwise move the inventory aside and run `nasql sync` to rebuild it");
        }
    }

    private static String read(Path file) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String password = Files.readString(file).trim();
            if (!password.isEmpty() || attempt == EMPTY_RETRIES) {
                if (!WELL_FORMED.matcher(password).matches()) {
                    throw new InventoryException("the inventory's password file " + file + " does not hold a password nasql made:"
                            + " restore it from a backup, or move the inventory aside and run `nasql sync` to rebuild it");
                }
                Secrets.remember(password);
                return password;
            }
            try {
                Thread.sleep(50); // made by another process that has not written it yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static InventoryException cannotUse(Path file, IOException e) {
        return new InventoryException("cannot use the inventory's password file " + file + " (" + reason(e) + ")", e);
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }
}
