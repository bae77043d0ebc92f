package io.nasql.db;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** The inventory's own password: random, made once, kept in an owner-only file beside the database. */
final class InventoryPassword {
    private static final SecureRandom RANDOM = new SecureRandom();

    private InventoryPassword() {
    }

    /** The password in the file, made (with its folder, both owner-only) when there is none yet. */
    static String readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            PrivateFiles.createFolder(file.toAbsolutePath().getParent());
            String password = random();
            try {
                PrivateFiles.createFile(file, password + "\n");
                return password;
            } catch (FileAlreadyExistsException e) {
                return read(file); // another nasql made it a moment ago
            }
        } catch (IOException e) {
            throw new InventoryException("cannot use the inventory's password file " + file + " (" + reason(e) + ")", e);
        }
    }

    private static String read(Path file) throws IOException {
        String password = Files.readString(file).trim();
        if (password.isEmpty()) {
            throw new InventoryException("the inventory's password file " + file + " is empty: restore it from a backup,"
                    + " or move the inventory aside and run `nasql sync` to rebuild it");
        }
        return password;
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
