package io.nasql.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Vertex AI regions ListLocations names, and the discovery benchmark's use of them. */
class RegionsTest {
    @Test
    void theDiscoveryBenchmarkServesExactlyTheFortyRegionsListLocationsNames() throws Exception {
        String script = Files.readString(Path.of("..", "scripts", "bench", "discovery.sh"));
        Matcher m = Pattern.compile("(?m)^regions=((?:[^\\n]*\\\\\\n)*[^\\n]*)$").matcher(script);
        assertThat(m.find()).as("a regions= line").isTrue();
        var served = Arrays.asList(m.group(1).replace("\\\n", "").split(","));
        assertThat(Regions.VERTEX_AI).hasSize(40).doesNotHaveDuplicates();
        // Any served region beyond the 40 would be listed too: 41 regions per project, not the benchmark's 40.
        assertThat(Regions.listed(served)).containsExactlyElementsOf(Regions.VERTEX_AI);
        assertThat(served).containsExactlyInAnyOrderElementsOf(Regions.VERTEX_AI);
    }
}
