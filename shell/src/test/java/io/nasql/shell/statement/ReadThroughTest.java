package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.ScopeKey;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadThroughTest {
    @Test
    void theNoticeNamesAFewScopesAndCountsTheRest() {
        List<ScopeKey> scopes = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            scopes.add(new ScopeKey("proj-" + i, "us-central1"));
        }
        Map<ScopeKey, OffsetDateTime> synced = Map.of(scopes.get(0), OffsetDateTime.now());
        assertThat(ReadThrough.named(scopes, synced))
                .isEqualTo("proj-1/us-central1, proj-2/us-central1 (never synced), proj-3/us-central1 (never synced) and 997 more");
        assertThat(ReadThrough.named(scopes.subList(0, 2), synced)).isEqualTo("proj-1/us-central1, proj-2/us-central1 (never synced)");
    }
}
