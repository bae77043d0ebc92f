package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2UrlSettingsTest {
    @Test
    void aFileIsCompressedAndNotCompactedAtCloseUnlessItsUrlSaysOtherwise(@TempDir Path folder) throws Exception {
        assertThat(H2UrlSettings.withDefaults("jdbc:h2:file:/x/google", true))
                .isEqualTo("jdbc:h2:file:/x/google;TRACE_LEVEL_FILE=0;COMPRESS=TRUE;MAX_COMPACT_TIME=0;AUTO_COMPACT_FILL_RATE=0");
        String own = "jdbc:h2:file:" + folder.resolve("google") + ";compress=false;MAX_COMPACT_TIME=500;trace_level_file=0;"
                + "AUTO_COMPACT_FILL_RATE=80;INIT=SET LOCK_TIMEOUT 100\\;SET QUERY_TIMEOUT 0;TRACE_LEVEL_SYSTEM_OUT=0";
        assertThat(H2UrlSettings.withDefaults(own, true)).isEqualTo(own);
        // A form H2 takes: it opens, with the URL's own settings.
        try (Connection c = java.sql.DriverManager.getConnection(own); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MAX_COMPACT_TIME'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("500");
        }
        assertThat(H2UrlSettings.withDefaults("jdbc:h2:mem:google", false)).isEqualTo("jdbc:h2:mem:google;TRACE_LEVEL_FILE=0");
    }

    /** H2's trace on stdout prints the URL's PASSWORD (and a password it generates) unmasked; INIT could turn either trace on. */
    @Test
    void aFileUrlThatTurnsTheTraceOnInAnyWayIsRefused() {
        assertThatThrownBy(() -> H2UrlSettings.withDefaults("jdbc:h2:file:/x/google;trace_level_system_out=2;PASSWORD=hunter2secret", true))
                .isInstanceOf(InventoryException.class)
                .hasMessage("the inventory URL sets TRACE_LEVEL_SYSTEM_OUT=2: nasql keeps H2's trace off (it prints the URL's password);"
                        + " remove the setting, and use --debug for details");
        for (String init : new String[] {"INIT=SET TRACE_LEVEL_SYSTEM_OUT 3", "INIT=SET LOCK_TIMEOUT 1\\;set trace_level_file 2"}) {
            assertThatThrownBy(() -> H2UrlSettings.withDefaults("jdbc:h2:file:/x/google;" + init, true)).as(init)
                    .isInstanceOf(InventoryException.class)
                    .hasMessageStartingWith("the inventory URL's INIT sets a TRACE_LEVEL: nasql keeps H2's trace off");
        }
        assertThat(H2UrlSettings.withDefaults("jdbc:h2:mem:google;TRACE_LEVEL_SYSTEM_OUT=1", false)).startsWith("jdbc:h2:mem:google;TRACE_LEVEL_SYSTEM_OUT=1");
    }

    /** A trace file would be made with the default umask, and where it cannot be made H2 prints its own stack trace. */
    @Test
    void aFileUrlThatTurnsTheTraceFileOnIsRefused() {
        assertThatThrownBy(() -> H2UrlSettings.withDefaults("jdbc:h2:file:/x/google;Trace_Level_File=1;PASSWORD=hunter2secret", true))
                .isInstanceOf(InventoryException.class)
                .hasMessage("the inventory URL sets TRACE_LEVEL_FILE=1: nasql keeps H2's trace file off (it would be readable by others);"
                        + " remove the setting, and use --debug for details");
        assertThat(H2UrlSettings.withDefaults("jdbc:h2:mem:google;TRACE_LEVEL_FILE=1", false)).isEqualTo("jdbc:h2:mem:google;TRACE_LEVEL_FILE=1");
    }

    @Test
    void anInventoryFolderIsNeitherCompactedInTheBackgroundNorAtClose(@TempDir Path folder) throws Exception {
        // Background compaction cost a read-only report over 500,000 jobs 1.3 s of its 3.3 s of CPU (issue 14).
        try (Inventory inventory = Inventory.openFolder(folder); Connection c = inventory.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                     + " WHERE SETTING_NAME IN ('MAX_COMPACT_TIME', 'AUTO_COMPACT_FILL_RATE') ORDER BY SETTING_NAME")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + "=" + rs.getString(2)).isEqualTo("AUTO_COMPACT_FILL_RATE=0");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1) + "=" + rs.getString(2)).isEqualTo("MAX_COMPACT_TIME=0");
        }
    }

    @Test
    void aProcessThatAllowsCompactionKeepsARewrittenFileLevel(@TempDir Path folder) throws Exception {
        long without = sizeAfterRewrites(folder.resolve("without"));
        // Far above nasql sync's budget: the test is of the mechanism, and H2's budget is wall time, so a loaded
        // machine (CI) must not cut the compaction short (5 s did once: 5.18 MB against 5.07 MB without).
        FileCompaction.allow(Duration.ofMinutes(2), FileCompaction.LEVEL);
        try {
            assertThat(H2UrlSettings.withDefaults("jdbc:h2:file:/x/google", true)).endsWith(";MAX_COMPACT_TIME=120000;AUTO_COMPACT_FILL_RATE=90");
            long with = sizeAfterRewrites(folder.resolve("with"));
            assertThat(with).as("with compaction at close %d bytes, without %d", with, without).isLessThan(without / 2);
        } finally {
            FileCompaction.forbid();
        }
        // nasql sync's lower rate still keeps the file level.
        FileCompaction.allow(Duration.ofMinutes(2), FileCompaction.SYNC);
        try {
            assertThat(H2UrlSettings.withDefaults("jdbc:h2:file:/x/google", true)).endsWith(";MAX_COMPACT_TIME=120000;AUTO_COMPACT_FILL_RATE=80");
            long sync = sizeAfterRewrites(folder.resolve("sync"));
            assertThat(sync).as("with sync's compaction %d bytes, without %d", sync, without).isLessThan(without / 2);
        } finally {
            FileCompaction.forbid();
        }
        assertThatThrownBy(() -> FileCompaction.allow(FileCompaction.AT_CLOSE, 0)).hasMessageContaining("fill rate 0");
    }

    /** The file's size after twelve runs that each rewrite every row of 2,000, as syncs that change jobs do. */
    private static long sizeAfterRewrites(Path folder) throws Exception {
        for (int run = 0; run < 12; run++) {
            try (Inventory inventory = Inventory.openFolder(folder); Connection c = inventory.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS \"churn\"(\"id\" INT PRIMARY KEY, \"doc\" VARCHAR)");
                s.execute("MERGE INTO \"churn\" KEY(\"id\") SELECT X, REPEAT(CAST(RAND() AS VARCHAR), 60) FROM SYSTEM_RANGE(1, 2000)");
            }
        }
        return Files.size(folder.resolve("google.mv.db"));
    }
}
