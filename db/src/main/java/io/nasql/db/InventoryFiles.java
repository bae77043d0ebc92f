package io.nasql.db;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The files of an inventory kept in a file: {@code NAME.mv.db}, H2's {@code NAME.lock.db}, and beside them
 * {@code NAME.password}, the owner-only file with the database's own password (and its lock file).
 *
 * @param base the database path without H2's {@code .mv.db} suffix
 */
public record InventoryFiles(Path base) {
    /**
     * H2's other file systems ({@code nio:}, {@code split:}, {@code async:}, {@code memFS:}, ...): two letters or
     * more then a colon, so a Windows drive ({@code C:}) is still a path.
     */
    private static final Pattern FILE_SYSTEM = Pattern.compile("^[A-Za-z][A-Za-z0-9]+:");

    /** The files of a {@code jdbc:h2:file:...} (or bare path) URL; empty for mem:, tcp:, ssl:, zip: and other file systems. */
    public static Optional<InventoryFiles> of(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String path = pathOf(jdbcUrl.substring("jdbc:h2:".length()));
        if (path.isEmpty() || FILE_SYSTEM.matcher(path).find()) {
            return Optional.empty();
        }
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Optional.of(new InventoryFiles(Path.of(path).toAbsolutePath()));
    }

    /**
     * Whether an H2 URL names a file through one of H2's other file systems ({@code jdbc:h2:nio:/x},
     * {@code jdbc:h2:file:split:/x}): nasql does not know where such a URL keeps its files, so it cannot
     * keep them owner-only, and refuses it.
     */
    public static boolean otherFileSystem(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        for (String known : new String[] {"mem:", "tcp:", "ssl:", "zip:"}) {
            if (rest.startsWith(known)) {
                return false;
            }
        }
        return FILE_SYSTEM.matcher(pathOf(rest)).find();
    }

    private static String pathOf(String rest) {
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int settings = rest.indexOf(';');
        return settings < 0 ? rest : rest.substring(0, settings);
    }

    public Path data() {
        return sibling(".mv.db");
    }

    /** H2's lock file: while the inventory is open it holds the sharing server's port and key. */
    public Path lock() {
        return sibling(".lock.db");
    }

    public Path password() {
        return sibling(".password");
    }

    /** Held while a password is made or an old inventory is given one, so two processes never do it at once. */
    Path passwordLock() {
        return sibling(".password.lock");
    }

    private Path sibling(String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }
}
