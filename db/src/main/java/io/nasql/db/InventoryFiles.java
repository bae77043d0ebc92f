package io.nasql.db;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of an inventory kept in a file: {@code NAME.mv.db}, and beside it {@code NAME.password},
 * the owner-only file with the database's own password.
 *
 * @param base the database path without H2's {@code .mv.db} suffix
 */
public record InventoryFiles(Path base) {

    /** The files of a {@code jdbc:h2:file:...} (or bare path) URL; empty for mem:, tcp:, ssl: and zip:. */
    public static Optional<InventoryFiles> of(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        for (String remote : new String[] {"mem:", "tcp:", "ssl:", "zip:"}) {
            if (rest.startsWith(remote)) {
                return Optional.empty();
            }
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        int settings = rest.indexOf(';');
        String path = settings < 0 ? rest : rest.substring(0, settings);
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return path.isEmpty() ? Optional.empty() : Optional.of(new InventoryFiles(Path.of(path).toAbsolutePath()));
    }

    public Path data() {
        return sibling(".mv.db");
    }

    public Path password() {
        return sibling(".password");
    }

    private Path sibling(String suffix) {
        return base.resolveSibling(base.getFileName() + suffix);
    }
}
