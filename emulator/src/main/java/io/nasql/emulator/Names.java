package io.nasql.emulator;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the resource names of requests into scopes and ids, or answers INVALID_ARGUMENT. */
final class Names {
    private static final String SCOPE = "projects/([^/]+)/locations/([^/]+)";
    private static final Pattern SCOPE_NAME = Pattern.compile(SCOPE);
    private static final Pattern JOB_NAME = Pattern.compile(SCOPE + "/nasJobs/([^/]+)");
    private static final Pattern TRIAL_NAME = Pattern.compile(SCOPE + "/nasJobs/([^/]+)/nasTrialDetails/([^/]+)");
    private static final Pattern OPERATION_NAME = Pattern.compile(SCOPE + "/operations/([^/]+)");
    private static final Pattern PROJECT_NAME = Pattern.compile("projects/([^/]+)");

    /** A scope as the request named it: the project segment may be an id or a number. */
    record Scope(String project, String location) {
    }

    record Job(Scope scope, String jobId) {
    }

    record Trial(Job job, String trialId) {
    }

    record Operation(Scope scope, String operationId) {
    }

    private Names() {
    }

    static Scope scope(String field, String name) {
        Matcher m = match(SCOPE_NAME, field, name, "projects/{project}/locations/{location}");
        return new Scope(m.group(1), m.group(2));
    }

    static Job job(String field, String name) {
        Matcher m = match(JOB_NAME, field, name, "projects/{project}/locations/{location}/nasJobs/{nas_job}");
        return new Job(new Scope(m.group(1), m.group(2)), m.group(3));
    }

    static Trial trial(String field, String name) {
        Matcher m = match(TRIAL_NAME, field, name,
                "projects/{project}/locations/{location}/nasJobs/{nas_job}/nasTrialDetails/{nas_trial_detail}");
        return new Trial(new Job(new Scope(m.group(1), m.group(2)), m.group(3)), m.group(4));
    }

    static Operation operation(String field, String name) {
        Matcher m = match(OPERATION_NAME, field, name, "projects/{project}/locations/{location}/operations/{operation}");
        return new Operation(new Scope(m.group(1), m.group(2)), m.group(3));
    }

    static String project(String field, String name) {
        return match(PROJECT_NAME, field, name, "projects/{project}").group(1);
    }

    private static Matcher match(Pattern pattern, String field, String name, String form) {
        Matcher m = pattern.matcher(name);
        if (!m.matches()) {
            throw ServiceError.INVALID_NAME.of(field, name, form);
        }
        return m;
    }
}
