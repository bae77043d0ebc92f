package io.nasql.shell.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Where reports are looked for: the user's folder first, then the checkout's scripts/reports. */
public final class ReportFolders {
    private ReportFolders() {
    }

    /** {@code nasql.home} is the checkout, set by the launcher; without it only the user's and the bundled reports count. */
    public static List<Path> of(Path home) {
        List<Path> folders = new ArrayList<>();
        folders.add(home.resolve(".nasql").resolve("reports"));
        String checkout = System.getProperty("nasql.home");
        if (checkout != null) {
            folders.add(Path.of(checkout, "scripts", "reports"));
        }
        return folders;
    }
}
