package io.nasql.shell.repl;

import io.nasql.shell.backend.InventoryAccess;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

/** {@code nasql [3 projects, synced 2m ago]> }: what the inventory holds and how fresh it is. */
final class Prompt {
    private Prompt() {
    }

    static String text(InventoryAccess inventory, Clock clock) {
        try (Statement statement = inventory.connection().createStatement();
             ResultSet rs = statement.executeQuery("SELECT (SELECT COUNT(DISTINCT \"projectsId\") FROM google.aiplatform.nas_job_summaries),"
                     + " (SELECT MAX(\"lastSuccessAt\") FROM google.aiplatform.sync_scopes)")) {
            rs.next();
            int projects = rs.getInt(1);
            OffsetDateTime synced = rs.getObject(2, OffsetDateTime.class);
            String holds = projects == 0 ? "empty" : projects + (projects == 1 ? " project" : " projects");
            String fresh = synced == null ? "never synced" : "synced " + ago(Duration.between(synced.toInstant(), clock.instant()));
            return "nasql [" + holds + ", " + fresh + "]> ";
        } catch (SQLException | RuntimeException e) {
            return "nasql> ";
        }
    }

    static String ago(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s ago";
        }
        if (s < 3600) {
            return s / 60 + "m ago";
        }
        if (s < 86_400) {
            return s / 3600 + "h ago";
        }
        return s / 86_400 + "d ago";
    }
}
