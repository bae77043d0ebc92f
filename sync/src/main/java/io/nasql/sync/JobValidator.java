package io.nasql.sync;

import com.google.cloud.aiplatform.v1.NasJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What nasql checks before it sends a create, so that a job the API would refuse is never sent. */
public final class JobValidator {
    private static final Pattern LABEL_KEY = Pattern.compile("[\\p{Ll}\\p{Lo}][\\p{Ll}\\p{Lo}\\p{N}_-]{0,62}");
    private static final Pattern LABEL_VALUE = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N}_-]{0,63}");

    private JobValidator() {
    }

    /** The problems of a job to be created, each a sentence naming the field; empty when it may be sent. */
    public static List<String> problems(NasJob job) {
        List<String> problems = new ArrayList<>();
        if (job.getDisplayName().isBlank()) {
            problems.add("displayName is required");
        } else if (job.getDisplayName().codePointCount(0, job.getDisplayName().length()) > 128) {
            problems.add("displayName is longer than 128 characters");
        }
        if (!job.hasNasJobSpec()) {
            problems.add("nasJobSpec is required");
        }
        if (job.getLabelsCount() > 64) {
            problems.add("labels has " + job.getLabelsCount() + " entries; at most 64 are allowed");
        }
        for (Map.Entry<String, String> label : job.getLabelsMap().entrySet()) {
            if (!LABEL_KEY.matcher(label.getKey()).matches()) {
                problems.add("label key '" + label.getKey() + "' must be 1 to 64 lowercase letters, digits, '_' or '-', starting with a letter");
            }
            if (!LABEL_VALUE.matcher(label.getValue()).matches()) {
                problems.add("label value '" + label.getValue() + "' of '" + label.getKey()
                        + "' must be at most 64 lowercase letters, digits, '_' or '-'");
            }
        }
        return problems;
    }
}
