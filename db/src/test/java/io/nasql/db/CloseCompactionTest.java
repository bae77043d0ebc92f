package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloseCompactionTest {
    @AfterEach
    void restoreTheDefault() {
        System.clearProperty(CloseCompaction.PROPERTY);
    }

    @Test
    void aFileOpenedAfterSkipIsClosedWithoutCompacting(@TempDir Path folder) throws Exception {
        assertThat(maxCompactTime(folder.resolve("before"))).isEqualTo("200");
        CloseCompaction.skip();
        assertThat(maxCompactTime(folder.resolve("after"))).isEqualTo("0");
    }

    @Test
    void aSettingAlreadyMadeIsKept(@TempDir Path folder) throws Exception {
        System.setProperty(CloseCompaction.PROPERTY, "50");
        CloseCompaction.skip();
        assertThat(maxCompactTime(folder)).isEqualTo("50");
    }

    private static String maxCompactTime(Path folder) throws Exception {
        try (Inventory inventory = Inventory.openFolder(folder); Connection c = inventory.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'MAX_COMPACT_TIME'")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
