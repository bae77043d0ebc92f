package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2UrlSettingsTest {
    @Test
    void aFileIsCompressedAndNotCompactedAtCloseUnlessItsUrlSaysOtherwise() {
        assertThat(H2UrlSettings.withDefaults("jdbc:h2:file:/x/google", true))
                .isEqualTo("jdbc:h2:file:/x/google;TRACE_LEVEL_FILE=0;COMPRESS=TRUE;MAX_COMPACT_TIME=0");
        assertThat(H2UrlSettings.withDefaults("jdbc:h2:file:/x/google;compress=false;MAX_COMPACT_TIME=500;TRACE_LEVEL_FILE=1", true))
                .isEqualTo("jdbc:h2:file:/x/google;compress=false;MAX_COMPACT_TIME=500;TRACE_LEVEL_FILE=1");
        assertThat(H2UrlSettings.withDefaults("jdbc:h2:mem:google", false)).isEqualTo("jdbc:h2:mem:google;TRACE_LEVEL_FILE=0");
    }

    @Test
    void anInventoryFolderIsClosedWithoutCompacting(@TempDir Path folder) throws Exception {
        try (Inventory inventory = Inventory.openFolder(folder); Connection c = inventory.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MAX_COMPACT_TIME'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("0");
        }
    }
}
