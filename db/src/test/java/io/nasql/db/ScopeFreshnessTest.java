package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** On H2, many projects are read as a range of the key; on PostgreSQL, whose collation may order them otherwise, all. */
@ParameterizedClass
@MethodSource("io.nasql.db.TestInventories#backends")
class ScopeFreshnessTest {
    @Parameter
    Backend backend;

    private static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 1, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void tellsWhetherEachOfAThousandScopesSyncedSinceATimeInOneQuery() {
        try (Inventory inventory = TestInventories.fresh(backend)) {
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

            // Synced at T + p seconds (us-central1) or T (europe-west4): since T + 7 s, proj-7's is, proj-6's is not.
            Map<ScopeKey, Boolean> fresh = new ScopeFreshness(inventory).syncedSince(asked, T.plusSeconds(7));

            assertThat(fresh).hasSize(750);
            assertThat(fresh.get(new ScopeKey("proj-7", "us-central1"))).isTrue();
            assertThat(fresh.get(new ScopeKey("proj-499", "us-central1"))).isTrue();
            assertThat(fresh.get(new ScopeKey("proj-6", "us-central1"))).isFalse();
            assertThat(fresh.get(new ScopeKey("proj-8", "europe-west4"))).isFalse();
            assertThat(fresh.values().stream().filter(b -> b).count()).isEqualTo(493);
            assertThat(fresh).doesNotContainKeys(new ScopeKey("proj-7", "europe-west4"), new ScopeKey("proj-0", "asia-east1"),
                    new ScopeKey("never", "us-central1"));
            assertThat(new ScopeFreshness(inventory).syncedSince(List.of(), T)).isEmpty();
            // A few projects are filtered in SQL, many in Java: the same answer either way.
            assertThat(new ScopeFreshness(inventory).syncedSince(List.of(new ScopeKey("proj-8", "us-central1"),
                    new ScopeKey("proj-8", "europe-west4"), new ScopeKey("proj-9", "europe-west4"), new ScopeKey("never", "us-central1")),
                    T.plusSeconds(7)))
                    .containsExactlyInAnyOrderEntriesOf(Map.of(new ScopeKey("proj-8", "us-central1"), true,
                            new ScopeKey("proj-8", "europe-west4"), false));
        }
    }
}
