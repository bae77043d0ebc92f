package io.nasql.shell.cli;

import io.nasql.db.InventoryFiles;
import io.nasql.db.PrivateFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One line, when other users can open nasql's folder, inventory or settings, with the chmod that fixes it. */
final class PermissionWarning {
    private PermissionWarning() {
    }

    /**
     * @param folder the user's nasql folder ({@code ~/.nasql})
     * @param config the settings file in use
     * @param db     the {@code --db} URL, or null for the inventory in the folder
     */
    static Optional<String> of(Path folder, Path config, String db) {
        List<Path> paths = new ArrayList<>(List.of(folder, config));
        (db == null ? Optional.of(new InventoryFiles(folder.resolve("google"))) : InventoryFiles.of(db))
                .ifPresent(inventory -> paths.addAll(List.of(inventory.data(), inventory.lock(), inventory.password())));
        List<String> fixes = paths.stream().distinct().map(PrivateFiles::chmodIfOthersCanOpen).flatMap(Optional::stream).toList();
        return fixes.isEmpty() ? Optional.empty()
                : Optional.of("warning: other users can read nasql's files; to fix: " + String.join(" && ", fixes));
    }
}
