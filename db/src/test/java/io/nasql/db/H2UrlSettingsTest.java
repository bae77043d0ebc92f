package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2UrlSettingsTest {
    @Test
    void aFileIsCompressedAndNotCompactedAtCloseUnlessItsUrlSaysOtherwise() {
        assertThat(H2UrlSettings.withDefaults("jdbc:h2:file:/x/google", true))
                .isEqualTo("jdbc:h2:file:/x/google;TRACE_LEVEL_FILE=0;COMPRESS=TRUE;MAX_COMPACT_TIME=0");
        assertThat(H2UrlSettings.withDefaults("jdbc:h2:file:/x/google;compress=false;MAX_COMPACT_TIME=500;TRACE_LEVEL_FILE=1", true))
                .isEqualTo("jdbc:h2:file:/x/google;compress=false;MAX_COMPACT_TIME=500;TRACE_LEVEL_FILE=1");
        assertThat(H2UrlSettings.withDefaults("jdbc:h2:mem:google", false)).isEqualTo("jdbc:h2:mem:google;TRACE_LEVEL_FILE=0");
    }
}
