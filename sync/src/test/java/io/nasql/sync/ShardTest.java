package io.nasql.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nasql.db.ScopeKey;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardTest {
    @Test
    void aScopesShardIsCrc32OfProjectSlashLocationSoEveryMachineAgrees() {
        // Values from Python's zlib.crc32, not from Java: the hash is a published one, not the JVM's.
        assertThat(Shard.shardOf(new ScopeKey("proj-001", "us-central1"), 4)).isEqualTo(488147727L % 4 + 1);
        assertThat(Shard.shardOf(new ScopeKey("proj-001", "europe-west4"), 4)).isEqualTo((int) (3921240812L % 4 + 1));
        assertThat(Shard.shardOf(new ScopeKey("proj-002", "us-central1"), 3)).isEqualTo((int) (2698176449L % 3 + 1));
        assertThat(Shard.shardOf(new ScopeKey("team-a-prod", "asia-east1"), 4)).isEqualTo(4);
    }

    @Test
    void theShardsOfACountSplitTheScopesEvenlyWithNoScopeInTwo() {
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int p = 0; p < 2500; p++) {
            for (String location : new String[] {"us-central1", "europe-west4", "asia-east1", "us-east4"}) {
                ScopeKey scope = new ScopeKey("project-" + p, location);
                int owners = 0;
                for (int k = 1; k <= 4; k++) {
                    if (new Shard(k, 4).contains(scope)) {
                        owners++;
                        sizes.merge(k, 1, Integer::sum);
                    }
                }
                assertThat(owners).isEqualTo(1);
            }
        }
        assertThat(sizes.values()).allSatisfy(n -> assertThat(n).isBetween(2300, 2700));
    }

    @Test
    void aShardIsParsedFromKSlashNAndAnythingElseSaysWhatItShouldBe() {
        assertThat(Shard.parse("2/4")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse(" 1 / 1 ")).isEqualTo(Shard.ALL);
        for (String bad : new String[] {"5/4", "0/4", "2", "a/b", "2/4/8", "-1/4"}) {
            assertThatThrownBy(() -> Shard.parse(bad)).hasMessageContaining("K/N");
        }
    }
}
