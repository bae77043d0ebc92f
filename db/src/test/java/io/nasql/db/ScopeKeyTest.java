package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopeKeyTest {
    @Test
    void keysAreEqualExactlyWhenProjectAndLocationAre() {
        ScopeKey key = new ScopeKey("proj-1", "us-central1");
        assertThat(key).isEqualTo(new ScopeKey(new String("proj-1"), "us-central1")).hasSameHashCodeAs(new ScopeKey("proj-1", "us-central1"));
        assertThat(key).isNotEqualTo(new ScopeKey("proj-1", "europe-west4")).isNotEqualTo(new ScopeKey("proj-2", "us-central1"))
                .isNotEqualTo("proj-1/us-central1").isNotEqualTo(null);
        // The project and location are not one string: swapping the parts that a slash would join is another key.
        assertThat(new ScopeKey("a/b", "c")).isNotEqualTo(new ScopeKey("a", "b/c"));
        Set<ScopeKey> set = new HashSet<>(Set.of(key, new ScopeKey("proj-1", "europe-west4")));
        assertThat(set).contains(new ScopeKey("proj-1", "us-central1")).doesNotContain(new ScopeKey("proj-1", "asia-east1"));
    }

    @Test
    void aKeyNeedsBothParts() {
        assertThatThrownBy(() -> new ScopeKey(" ", "us-central1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScopeKey("proj-1", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
