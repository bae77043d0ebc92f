package io.nasql.shell.write;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.aiplatform.v1.EncryptionSpec;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.cloud.aiplatform.v1.NasJobSpec;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A NasJob to create, built from column values: JSON text for objects, parsed with protobuf's JsonFormat. */
public final class JobDraft {
    /** The columns an INSERT may set, as the reference page's INSERT names them. */
    public static final List<String> WRITABLE = List.of("projectsId", "locationsId", "displayName", "nasJobSpec", "labels",
            "encryptionSpec", "enableRestrictedImageTraining");
    /** Fields the API sets itself. */
    public static final List<String> OUTPUT_ONLY = List.of("name", "nasJobsId", "createTime", "endTime", "error", "nasJobOutput",
            "satisfiesPzi", "satisfiesPzs", "startTime", "state", "updateTime", "syncedAt");

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFormat.Parser PARSER = JsonFormat.parser();

    private JobDraft() {
    }

    /** The writable column of a name as the user wrote it, or an error listing the writable ones. */
    public static String column(String written) {
        String bare = written.trim().replace("\"", "");
        for (String column : WRITABLE) {
            if (column.equalsIgnoreCase(bare)) {
                return column;
            }
        }
        boolean outputOnly = OUTPUT_ONLY.stream().anyMatch(c -> c.equalsIgnoreCase(bare));
        throw new IllegalArgumentException((outputOnly ? "column " + bare + " is output only: the API sets it"
                : "unknown column " + bare) + "; the writable columns are " + String.join(", ", WRITABLE));
    }

    /** The job of one row of values, keyed by writable column; projectsId and locationsId are left to the caller. */
    public static NasJob build(Map<String, Object> values) {
        NasJob.Builder job = NasJob.newBuilder();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Object value = entry.getValue() instanceof JsonNode node && node.isValueNode() ? node.asText() : entry.getValue();
            if (value == null || value.toString().isEmpty()) {
                continue;
            }
            switch (entry.getKey()) {
                case "displayName" -> job.setDisplayName(value.toString());
                case "nasJobSpec" -> merge("nasJobSpec", value, job.getNasJobSpecBuilder());
                case "encryptionSpec" -> {
                    EncryptionSpec.Builder spec = EncryptionSpec.newBuilder();
                    merge("encryptionSpec", value, spec);
                    // An empty object means no customer-managed key, as an absent one does.
                    if (!spec.build().equals(EncryptionSpec.getDefaultInstance())) {
                        job.setEncryptionSpec(spec);
                    }
                }
                case "labels" -> labels(value, job);
                case "enableRestrictedImageTraining" -> job.setEnableRestrictedImageTraining(bool(value));
                default -> {
                }
            }
        }
        if (job.hasNasJobSpec() && job.getNasJobSpec().equals(NasJobSpec.getDefaultInstance())) {
            job.clearNasJobSpec();
        }
        return job.build();
    }

    private static void merge(String column, Object value, Message.Builder into) {
        String json = json(column, value).toString();
        try {
            PARSER.merge(json, into);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(column + " does not fit " + into.getDescriptorForType().getName() + ": " + e.getMessage());
        }
    }

    private static void labels(Object value, NasJob.Builder job) {
        JsonNode labels = json("labels", value);
        if (!labels.isObject()) {
            throw new IllegalArgumentException("labels must be a JSON object of strings, like {\"team\":\"vision\"}");
        }
        labels.fields().forEachRemaining(e -> {
            if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                throw new IllegalArgumentException("label " + e.getKey() + " must be a string, not " + e.getValue());
            }
            job.putLabels(e.getKey(), e.getValue().asText());
        });
    }

    /** The value as JSON: already a tree (from a manifest), or JSON text checked with its position. */
    private static JsonNode json(String column, Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        try {
            return MAPPER.readTree(value.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON in " + column + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("enableRestrictedImageTraining must be true or false, not '" + value + "'");
    }
}
