package io.nasql.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.aiplatform.v1.Measurement;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobName;
import com.google.cloud.aiplatform.v1.NasTrial;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import io.nasql.db.generated.tables.records.NasJobDocumentsRecord;
import io.nasql.db.generated.tables.records.NasJobSummariesRecord;
import io.nasql.db.generated.tables.records.NasTrialsRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.JSON;

/** Maps a {@code NasJob} proto to its inventory rows: one {@code nas_jobs} row and its trials. */
final class NasJobRecords {
    private static final ObjectMapper LABELS_WRITER = new ObjectMapper();

    private NasJobRecords() {
    }

    /** The job id, the last segment of {@code projects/P/locations/L/nasJobs/ID}. */
    static String jobId(NasJob job) {
        if (!NasJobName.isParsableFrom(job.getName())) {
            throw new IllegalArgumentException("not a NasJob resource name: '" + job.getName() + "'");
        }
        return NasJobName.parse(job.getName()).getNasJob();
    }

    /** One job's rows: its narrow summary, which scans read, and its two large documents. */
    record JobRows(NasJobSummariesRecord summary, NasJobDocumentsRecord documents) {
    }

    static JobRows job(ScopeKey scope, NasJob job, OffsetDateTime syncedAt) {
        NasJobSummariesRecord r = new NasJobSummariesRecord();
        r.setProjectsid(scope.projectsId());
        r.setLocationsid(scope.locationsId());
        r.setNasjobsid(jobId(job));
        r.setName(job.getName());
        r.setCreatetime(ProtoJson.time(job.getCreateTime()));
        r.setDisplayname(job.getDisplayName());
        r.setEnablerestrictedimagetraining(job.getEnableRestrictedImageTraining());
        r.setEncryptionspec(job.hasEncryptionSpec() ? ProtoJson.json(job.getEncryptionSpec()) : null);
        r.setEndtime(ProtoJson.time(job.getEndTime()));
        r.setError(job.hasError() ? ProtoJson.json(job.getError()) : null);
        r.setLabels(job.getLabelsCount() > 0 ? labels(job) : null);
        r.setSatisfiespzi(job.getSatisfiesPzi());
        r.setSatisfiespzs(job.getSatisfiesPzs());
        r.setStarttime(ProtoJson.time(job.getStartTime()));
        r.setState(job.getState().name());
        r.setUpdatetime(ProtoJson.time(job.getUpdateTime()));
        r.setSyncedat(syncedAt);
        // As json_value(nasJobSpec, '$.multiTrialAlgorithmSpec.metric.metricId' / '.goal') reads them: proto3 JSON
        // leaves out an empty id and an unspecified goal, so those are NULL.
        NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec metric = job.getNasJobSpec().getMultiTrialAlgorithmSpec().getMetric();
        r.setMetricid(metric.getMetricId().isEmpty() ? null : metric.getMetricId());
        r.setGoal(metric.getGoal() == NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.GoalType.GOAL_TYPE_UNSPECIFIED
                ? null : metric.getGoal().name());
        NasJobDocumentsRecord d = new NasJobDocumentsRecord();
        d.setProjectsid(r.getProjectsid());
        d.setLocationsid(r.getLocationsid());
        d.setNasjobsid(r.getNasjobsid());
        d.setNasjoboutput(job.hasNasJobOutput() ? ProtoJson.json(job.getNasJobOutput()) : null);
        d.setNasjobspec(job.hasNasJobSpec() ? ProtoJson.json(job.getNasJobSpec()) : null);
        return new JobRows(r, d);
    }

    private static JSON labels(NasJob job) {
        try {
            return JSON.valueOf(LABELS_WRITER.writeValueAsString(new TreeMap<>(job.getLabelsMap())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("labels of " + job.getName() + " cannot be written as JSON", e);
        }
    }

    /**
     * Labels as a DELETE returned them, in the text {@link #labels} writes: PostgreSQL hands JSONB back in its own
     * order and spacing, which would key one label set two ways in a transaction's count changes (LabelCounts).
     * Anything the store never writes (not an object of strings: a row made by hand) is kept as returned, since
     * rewriting it could change it (Jackson reads 1.10 as 1.1), and no inserted row needs to meet its key.
     */
    static JSON labelsAsWritten(JSON stored) {
        try {
            JsonNode labels = LABELS_WRITER.readTree(stored.data());
            if (labels == null || !labels.isObject()) {
                return stored;
            }
            TreeMap<String, String> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = labels.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isTextual()) {
                    return stored;
                }
                sorted.put(field.getKey(), field.getValue().textValue());
            }
            return JSON.valueOf(LABELS_WRITER.writeValueAsString(sorted));
        } catch (JsonProcessingException e) {
            return stored;
        }
    }

    /** One row per search and train trial, with the final value of the spec's metric. */
    static List<NasTrialsRecord> trials(ScopeKey scope, NasJob job) {
        List<NasTrialsRecord> rows = new ArrayList<>();
        if (!job.getNasJobOutput().hasMultiTrialJobOutput()) {
            return rows;
        }
        NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec metric = job.getNasJobSpec().getMultiTrialAlgorithmSpec().getMetric();
        String jobId = jobId(job);
        var output = job.getNasJobOutput().getMultiTrialJobOutput();
        for (NasTrial trial : output.getSearchTrialsList()) {
            rows.add(trial(scope, jobId, "search", trial, metric));
        }
        for (NasTrial trial : output.getTrainTrialsList()) {
            rows.add(trial(scope, jobId, "train", trial, metric));
        }
        markBest(rows, metric.getGoal() == NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.GoalType.MINIMIZE);
        return rows;
    }

    /** Marks the trial with the best final value; the first in search-then-train, id order wins a tie. */
    private static void markBest(List<NasTrialsRecord> trials, boolean minimize) {
        NasTrialsRecord best = null;
        for (NasTrialsRecord t : trials) {
            t.setBest(false);
            if (t.getMetricvalue() != null && (best == null
                    || (minimize ? t.getMetricvalue() < best.getMetricvalue() : t.getMetricvalue() > best.getMetricvalue()))) {
                best = t;
            }
        }
        if (best != null) {
            best.setBest(true);
        }
    }

    private static NasTrialsRecord trial(ScopeKey scope, String jobId, String type, NasTrial trial, NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec metric) {
        // Not NAS_TRIALS.newRecord(): that made a configuration (cloning jOOQ's settings) for each of a sync's trials.
        NasTrialsRecord r = new NasTrialsRecord();
        r.setProjectsid(scope.projectsId());
        r.setLocationsid(scope.locationsId());
        r.setNasjobsid(jobId);
        r.setTrialtype(type);
        r.setTrialid(trial.getId());
        r.setState(trial.getState().name());
        r.setStarttime(ProtoJson.time(trial.getStartTime()));
        r.setEndtime(ProtoJson.time(trial.getEndTime()));
        r.setGoal(metric.getGoal() == NasJobSpec.MultiTrialAlgorithmSpec.MetricSpec.GoalType.GOAL_TYPE_UNSPECIFIED ? null : metric.getGoal().name());
        if (trial.hasFinalMeasurement()) {
            Measurement measurement = trial.getFinalMeasurement();
            r.setFinalmeasurement(ProtoJson.json(measurement));
            r.setStepcount(measurement.getStepCount());
            measurement.getMetricsList().stream()
                    .filter(m -> metric.getMetricId().isEmpty() || m.getMetricId().equals(metric.getMetricId()))
                    .findFirst()
                    .ifPresent(m -> {
                        r.setMetricid(m.getMetricId());
                        r.setMetricvalue(m.getValue());
                    });
        }
        if (r.getMetricid() == null && !metric.getMetricId().isEmpty()) {
            r.setMetricid(metric.getMetricId());
        }
        return r;
    }
}
