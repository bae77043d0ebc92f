package io.nasql.emulator;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.cloud.aiplatform.v1.NasJob;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.rpc.BadRequest.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks requests as the API documents them, reading REQUIRED and OUTPUT_ONLY from the
 * {@code google.api.field_behavior} annotations of the descriptors rather than a hand list.
 */
final class RequestValidator {
    private static final int MAX_DISPLAY_NAME = 128;
    private static final int MAX_LABEL_LENGTH = 64;
    private static final int MAX_LABELS = 64;
    private static final Pattern LABEL_KEY = Pattern.compile("[\\p{Ll}\\p{Lo}][\\p{Ll}\\p{Lo}\\p{N}_-]*");
    private static final Pattern LABEL_VALUE = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N}_-]*");

    private RequestValidator() {
    }

    /** Every REQUIRED field left unset, at any depth, as a dotted path from {@code prefix}. */
    static List<String> missingRequired(MessageOrBuilder message, String prefix) {
        List<String> missing = new ArrayList<>();
        collectMissing(message, prefix, missing);
        return missing;
    }

    private static void collectMissing(MessageOrBuilder message, String prefix, List<String> missing) {
        for (FieldDescriptor field : message.getDescriptorForType().getFields()) {
            String path = prefix.isEmpty() ? field.getName() : prefix + "." + field.getName();
            if (behaviors(field).contains(FieldBehavior.REQUIRED) && !isSet(message, field)) {
                missing.add(path);
            }
            if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE || field.isMapField()) {
                continue;
            }
            if (field.isRepeated()) {
                for (int i = 0; i < message.getRepeatedFieldCount(field); i++) {
                    collectMissing((Message) message.getRepeatedField(field, i), path + "[" + i + "]", missing);
                }
            } else if (message.hasField(field)) {
                collectMissing((Message) message.getField(field), path, missing);
            }
        }
    }

    /** A copy without the OUTPUT_ONLY fields, which the API ignores on input. */
    static NasJob withoutOutputOnly(NasJob job) {
        NasJob.Builder builder = job.toBuilder();
        clearOutputOnly(builder);
        return builder.build();
    }

    private static void clearOutputOnly(Message.Builder builder) {
        for (FieldDescriptor field : builder.getDescriptorForType().getFields()) {
            if (behaviors(field).contains(FieldBehavior.OUTPUT_ONLY)) {
                builder.clearField(field);
            } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isMapField()) {
                if (field.isRepeated()) {
                    for (int i = 0; i < builder.getRepeatedFieldCount(field); i++) {
                        clearOutputOnly(builder.getRepeatedFieldBuilder(field, i));
                    }
                } else if (builder.hasField(field)) {
                    clearOutputOnly(builder.getFieldBuilder(field));
                }
            }
        }
    }

    /** displayName and labels as the API limits them (the labels and display_name comments of nas_job.proto). */
    static List<FieldViolation> limits(NasJob job) {
        List<FieldViolation> found = new ArrayList<>();
        if (length(job.getDisplayName()) > MAX_DISPLAY_NAME) {
            found.add(JobSpecRules.violation("nas_job.display_name", "Must be at most " + MAX_DISPLAY_NAME + " characters long."));
        }
        if (job.getLabelsCount() > MAX_LABELS) {
            found.add(JobSpecRules.violation("nas_job.labels", "At most " + MAX_LABELS + " labels are allowed, not " + job.getLabelsCount() + "."));
        }
        for (Map.Entry<String, String> label : job.getLabelsMap().entrySet()) {
            String key = label.getKey();
            String value = label.getValue();
            if (key.isEmpty() || length(key) > MAX_LABEL_LENGTH || !LABEL_KEY.matcher(key).matches()) {
                found.add(JobSpecRules.violation("nas_job.labels", "Invalid label key '" + key + "': keys are 1 to 64 lowercase"
                        + " letters, digits, '_' or '-', starting with a letter."));
            }
            if (length(value) > MAX_LABEL_LENGTH || !LABEL_VALUE.matcher(value).matches()) {
                found.add(JobSpecRules.violation("nas_job.labels", "Invalid value '" + value + "' of label '" + key
                        + "': values are at most 64 lowercase letters, digits, '_' or '-'."));
            }
        }
        return found;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private static boolean isSet(MessageOrBuilder message, FieldDescriptor field) {
        return field.isRepeated() ? message.getRepeatedFieldCount(field) > 0 : message.hasField(field);
    }

    private static List<FieldBehavior> behaviors(FieldDescriptor field) {
        return field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior);
    }
}
