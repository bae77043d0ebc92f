package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScopeFreshnessTest {
    private static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void readsTheLastSuccessOfAThousandScopesInOneQuery() {
        try (Inventory inventory = TestJobs.memoryInventory()) {
            InventoryStore store = new InventoryStore(inventory);
            List<ScopeKey> asked = new ArrayList<>();
            for (int p = 0; p < 500; p++) {
                ScopeKey us = new ScopeKey("proj-" + p, "us-central1");
                ScopeKey eu = new ScopeKey("proj-" + p, "europe-west4");
                store.markScopeUnchanged(us, 0, T.plusSeconds(p));
                if (p % 2 == 0) {
                    store.markScopeUnchanged(eu, 0, T);
                }
                asked.add(us);
                asked.add(eu);
            }
            store.markScopeFailed(new ScopeKey("proj-0", "asia-east1"), ScopeStatus.FAILED, "down", T);
            asked.add(new ScopeKey("proj-0", "asia-east1"));
            asked.add(new ScopeKey("never", "us-central1"));

            Map<ScopeKey, OffsetDateTime> last = new ScopeFreshness(inventory).lastSuccess(asked);

            assertThat(last).hasSize(750);
            assertThat(last.get(new ScopeKey("proj-7", "us-central1"))).isEqualTo(T.plusSeconds(7));
            assertThat(last).doesNotContainKeys(new ScopeKey("proj-7", "europe-west4"), new ScopeKey("proj-0", "asia-east1"),
                    new ScopeKey("never", "us-central1"));
            assertThat(new ScopeFreshness(inventory).lastSuccess(List.of())).isEmpty();
            // A few projects are filtered in SQL, many in Java: the same answer either way.
            assertThat(new ScopeFreshness(inventory).lastSuccess(List.of(new ScopeKey("proj-8", "us-central1"),
                    new ScopeKey("proj-8", "europe-west4"), new ScopeKey("proj-9", "europe-west4"), new ScopeKey("never", "us-central1"))))
                    .containsOnlyKeys(new ScopeKey("proj-8", "us-central1"), new ScopeKey("proj-8", "europe-west4"));
        }
    }
}
