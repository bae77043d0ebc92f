package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.aiplatform.v1.Measurement;
import com.google.cloud.aiplatform.v1.NasJobOutput;
import com.google.cloud.aiplatform.v1.NasTrial;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast printer of nasJobOutput and finalMeasurement writes exactly JsonFormat's text. */
class OutputJsonTest {
    private static final List<String> IDS = List.of("", "1", "trial-7", "a b", "x=y", "q\"uote", "back\\slash", "<tag>", "amp&",
            "it's", "tab\tnew\nline", "caf\u00e9", "\u2603", "a/b:c.d_e-f");
    private static final double[] VALUES = {0.0, -0.0, 1.0, 0.95, 1e-5, 1e21, 123.456, -7.25, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE};

    @Test
    void randomOutputsPrintAsJsonFormatPrintsThem() {
        Random random = new Random(15);
        for (int n = 0; n < 2000; n++) {
            NasJobOutput output = output(random);
            assertThat(ProtoJson.print(output)).as(output.toString()).isEqualTo(ProtoJson.printWithJsonFormat(output));
            for (NasTrial trial : output.getMultiTrialJobOutput().getSearchTrialsList()) {
                Measurement m = trial.getFinalMeasurement();
                assertThat(ProtoJson.print(m)).as(m.toString()).isEqualTo(ProtoJson.printWithJsonFormat(m));
            }
        }
    }

    @Test
    void emptyAndPartialOutputsToo() {
        for (NasJobOutput output : List.of(NasJobOutput.getDefaultInstance(),
                NasJobOutput.newBuilder().setMultiTrialJobOutput(NasJobOutput.MultiTrialJobOutput.getDefaultInstance()).build(),
                NasJobOutput.newBuilder().setMultiTrialJobOutput(NasJobOutput.MultiTrialJobOutput.newBuilder()
                        .addTrainTrials(NasTrial.getDefaultInstance())).build())) {
            assertThat(ProtoJson.print(output)).isEqualTo(ProtoJson.printWithJsonFormat(output));
        }
        assertThat(ProtoJson.print(Measurement.getDefaultInstance())).isEqualTo("{}");
    }

    @Test
    void trialTimesAtTheEdgesPrintAsJsonFormatPrintsThem() {
        long[] seconds = {-62_135_596_800L, -62_135_596_801L, 253_402_300_799L, 253_402_300_800L, -1, 0, 1, 951_782_400L, 4_102_444_800L};
        int[] nanos = {0, 1, 999_999_999, 1_000_000_000, -1, 5_000_000, 5_000, 120_000_000};
        for (long s : seconds) {
            for (int n : nanos) {
                NasTrial trial = NasTrial.newBuilder().setId("1").setStartTime(Timestamp.newBuilder().setSeconds(s).setNanos(n))
                        .setEndTime(Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(n)).build();
                NasJobOutput output = NasJobOutput.newBuilder().setMultiTrialJobOutput(NasJobOutput.MultiTrialJobOutput.newBuilder()
                        .addSearchTrials(trial)).build();
                String reference;
                try {
                    reference = ProtoJson.printWithJsonFormat(output);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    // JsonFormat refuses an invalid time; so does the fast printer, which leaves it to JsonFormat.
                    assertThat(OutputJson.print(output)).as(s + "s " + n + "ns").isNull();
                    continue;
                }
                assertThat(OutputJson.print(output)).as(s + "s " + n + "ns").isEqualTo(reference);
            }
        }
    }

    static NasJobOutput output(Random random) {
        NasJobOutput.Builder output = NasJobOutput.newBuilder();
        if (random.nextInt(10) == 0) {
            return output.build();
        }
        NasJobOutput.MultiTrialJobOutput.Builder multi = NasJobOutput.MultiTrialJobOutput.newBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
            multi.addSearchTrials(trial(random));
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            multi.addTrainTrials(trial(random));
        }
        return output.setMultiTrialJobOutput(multi).build();
    }

    private static NasTrial trial(Random random) {
        NasTrial.Builder trial = NasTrial.newBuilder().setId(IDS.get(random.nextInt(IDS.size())));
        int state = random.nextInt(8);
        trial.setStateValue(state == 7 ? 42 : Math.min(state, 5));
        if (random.nextBoolean()) {
            trial.setStartTime(time(random));
        }
        if (random.nextBoolean()) {
            trial.setEndTime(time(random));
        }
        if (random.nextInt(4) > 0) {
            Measurement.Builder m = Measurement.newBuilder().setStepCount(random.nextInt(3) == 0 ? 0 : random.nextLong() % 100_000);
            if (random.nextBoolean()) {
                m.setElapsedDuration(Duration.newBuilder().setSeconds(random.nextInt(100_000)).setNanos(random.nextBoolean() ? 0 : 500_000_000));
            }
            for (int i = random.nextInt(3); i > 0; i--) {
                m.addMetrics(Measurement.Metric.newBuilder().setMetricId(IDS.get(random.nextInt(IDS.size())))
                        .setValue(random.nextBoolean() ? VALUES[random.nextInt(VALUES.length)] : random.nextGaussian()));
            }
            trial.setFinalMeasurement(m);
        }
        return trial.build();
    }

    private static Timestamp time(Random random) {
        int nanos = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 123_000_000;
            case 2 -> 123_456_000;
            default -> 123_456_789;
        };
        return Timestamp.newBuilder().setSeconds(1_700_000_000L + random.nextInt(10_000_000)).setNanos(nanos).build();
    }
}
