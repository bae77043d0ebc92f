package io.nasql.sync;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.cloud.aiplatform.v1.CreateNasJobRequest;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What nasql checks before it sends a create, so that a job the API would refuse is never sent.
 * It finds what CreateNasJob finds, in its words: each problem is {@code field: description} with
 * the service's field path, as its BadRequest field violations say (a test holds the two together).
 */
public final class JobValidator {
    static final String REQUIRED = "Required field is not set.";
    // 1 to 64 and 0 to 64 characters (code points), as the labels comment of nas_job.proto says.
    private static final Pattern LABEL_KEY = Pattern.compile("[\\p{Ll}\\p{Lo}][\\p{Ll}\\p{Lo}\\p{N}_-]{0,63}");
    private static final Pattern LABEL_VALUE = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N}_-]{0,64}");

    private JobValidator() {
    }

    /** A job CreateNasJob would refuse, with each problem on a line of its own. */
    public static final class InvalidJobException extends IllegalArgumentException {
        private final List<String> problems;

        InvalidJobException(List<String> problems) {
            super(describe(problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Throws {@link InvalidJobException} unless the job may be sent. */
    public static void check(NasJob job) {
        List<String> problems = problems(job);
        if (!problems.isEmpty()) {
            throw new InvalidJobException(problems);
        }
    }

    /** {@code N problems:} then each problem indented on its own line. */
    public static String describe(List<String> problems) {
        StringBuilder text = new StringBuilder(problems.size() == 1 ? "1 problem:" : problems.size() + " problems:");
        problems.forEach(p -> text.append(System.lineSeparator()).append("  ").append(p));
        return text.toString();
    }

    /** The problems of a job to be created, each {@code field: description}; empty when it may be sent. */
    public static List<String> problems(NasJob job) {
        List<String> problems = new ArrayList<>();
        NasJob input = job.toBuilder().clearName().clearState().clearCreateTime().clearStartTime().clearEndTime()
                .clearUpdateTime().clearError().clearNasJobOutput().build();
        collectMissing(CreateNasJobRequest.newBuilder().setNasJob(input), "", problems);
        problems.removeIf(p -> p.startsWith("parent:"));
        limits(job, problems);
        problems.addAll(SpecRules.problems(job));
        return problems;
    }

    /** Every REQUIRED field left unset, at any depth, read from the protos' field_behavior annotations. */
    private static void collectMissing(MessageOrBuilder message, String prefix, List<String> problems) {
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            String path = prefix.isEmpty() ? field.getName() : prefix + "." + field.getName();
            List<FieldBehavior> behaviors = field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior);
            boolean set = field.isRepeated() ? message.getRepeatedFieldCount(field) > 0 : message.hasField(field);
            if (behaviors.contains(FieldBehavior.REQUIRED) && !set) {
                problems.add(path + ": " + REQUIRED);
            }
            if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isMapField()) {
                continue;
            }
            if (field.isRepeated()) {
                for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                    collectMissing((Message) message.getRepeatedField(field, i), path + "[" + i + "]", problems);
                }
            } else if (message.hasField(field)) {
                collectMissing((Message) message.getField(field), path, problems);
            }
        }
    }

    private static void limits(NasJob job, List<String> problems) {
        if (job.getDisplayName().codePointCount(0, job.getDisplayName().length()) > 128) {
            problems.add("nas_job.display_name: Must be at most 128 characters long.");
        }
        if (job.getLabelsCount() > 64) {
            problems.add("nas_job.labels: At most 64 labels are allowed, not " + job.getLabelsCount() + ".");
        }
        for (Map.Entry<String, String> label : job.getLabelsMap().entrySet()) {
            if (!LABEL_KEY.matcher(label.getKey()).matches()) {
                problems.add("nas_job.labels: Invalid label key '" + label.getKey() + "': keys are 1 to 64 lowercase"
                        + " letters, digits, '_' or '-', starting with a letter.");
            }
            if (!LABEL_VALUE.matcher(label.getValue()).matches()) {
                problems.add("nas_job.labels: Invalid value '" + label.getValue() + "' of label '" + label.getKey()
                        + "': values are at most 64 lowercase letters, digits, '_' or '-'.");
            }
        }
    }
}
