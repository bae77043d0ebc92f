package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.JobState;
import com.google.cloud.aiplatform.v1.Measurement;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobOutput;
import com.google.cloud.aiplatform.v1.NasTrial;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.h2.value.ValueJson;
import org.junit.jupiter.api.Test;

/** JSON handed to H2 as its value is byte for byte what H2 would have stored had it parsed the text. */
class H2JsonValueTest {
    @Test
    void textInH2sNormalFormIsTakenAsIs() {
        for (String json : List.of("{}", "[]", "{\"a\":1}", "[true,false,null]", "{\"s\":\"caf\u00e9 \u2603 <x>\"}", "0", "-7.25",
                "0.95", "100", "1.0", "1.50", "0.000001", "0.000000", "-0.5", "123456789012345678901234567890",
                "{\"q\":\"a\\\"b\\\\c\\nd\\te\\rf\\bg\\fh\"}", "{\"layers\":\"{\\\"a\\\":[3,5]}\"}", "\"pair \uD83D\uDE00\"")) {
            assertThat(H2JsonValue.isNormal(json)).as(json).isTrue();
            assertThat(fast(json)).as(json).isEqualTo(h2(json));
        }
    }

    @Test
    void textH2WouldRewriteIsLeftToH2() {
        for (String json : List.of("{ }", "[1, 2]", "{\"a\":\n1}", "\"\\u003d\"", "\"\\/\"", "\"tab\tinside\"", "1.0E-5", "1e2",
                "2.5E20", "-0", "-0.0", "0.0000001", "0.00000012", "0.0000000", "01", "1.", "-",
                "\"lone \uD800 high\"", "\"lone \uDC00 low\"", "\"reversed \uDC00\uD800\"", "\"cut \uD83D")) {
            assertThat(H2JsonValue.isNormal(json)).as(json).isFalse();
            assertThat(H2JsonValue.ofNormal(json)).isNull();
        }
    }

    @Test
    void printedOutputsAndMeasurementsAgreeWithH2() {
        Random random = new Random(15);
        List<String> texts = new ArrayList<>();
        for (int n = 0; n < 2000; n++) {
            NasJobOutput output = OutputJsonTest.output(random);
            texts.add(ProtoJson.print(output));
            for (NasTrial trial : output.getMultiTrialJobOutput().getSearchTrialsList()) {
                texts.add(ProtoJson.print(trial.getFinalMeasurement()));
            }
        }
        for (int n = 0; n < 2000; n++) {
            double value = switch (n % 4) {
                case 0 -> random.nextGaussian();
                case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
                case 2 -> Math.round(random.nextDouble() * 1e6) / 1e6;
                default -> -random.nextDouble() / Math.pow(10, random.nextInt(9));
            };
            texts.add(ProtoJson.print(Measurement.newBuilder().addMetrics(Measurement.Metric.newBuilder().setValue(value)).build()));
        }
        int normal = 0;
        for (String json : texts) {
            if (H2JsonValue.isNormal(json)) {
                normal++;
                assertThat(fast(json)).as(json).isEqualTo(h2(json));
            }
        }
        assertThat(normal).as("most printed documents take the fast path").isGreaterThan(texts.size() / 2);
    }

    @Test
    void aSyncedJobsDocumentsTakeTheFastPath() {
        NasJob job = TestJobs.withTrials(TestJobs.job(new ScopeKey("p", "us-central1"), "1", JobState.JOB_STATE_SUCCEEDED, 1_700_000_100L),
                0.91, 0.875, 0.5);
        for (String json : List.of(ProtoJson.print(job.getNasJobOutput()), ProtoJson.print(job.getNasJobSpec()),
                ProtoJson.print(job.getNasJobOutput().getMultiTrialJobOutput().getSearchTrials(0).getFinalMeasurement()))) {
            assertThat(H2JsonValue.isNormal(json)).as(json).isTrue();
            assertThat(fast(json)).isEqualTo(h2(json));
        }
    }

    private static String fast(String json) {
        return new String(H2JsonValue.ofNormal(json).getBytes(), StandardCharsets.UTF_8);
    }

    private static String h2(String json) {
        return new String(ValueJson.fromJson(json).getBytes(), StandardCharsets.UTF_8);
    }
}
