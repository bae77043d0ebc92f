package io.nasql.sync;

import io.nasql.db.ScopeStatus;

/**
 * What a scope's failure means, and what the user can do about it. The service answers an
 * unknown project and a forbidden one alike (PERMISSION_DENIED), a disabled API with ErrorInfo
 * SERVICE_DISABLED, and a region without NAS with UNIMPLEMENTED, or INVALID_ARGUMENT saying that the
 * location does not support it. Any other INVALID_ARGUMENT (a location that does not exist, a page
 * token refused) is a FAILED scope: calling it "no NAS here" would hide the region for a day.
 */
public final class ScopeFailures {
    private ScopeFailures() {
    }

    public static ScopeStatus classify(ApiCallException e) {
        if (e.code().equals("PERMISSION_DENIED")) {
            return "SERVICE_DISABLED".equals(e.reason()) ? ScopeStatus.DISABLED : ScopeStatus.DENIED;
        }
        if (e.code().equals("UNIMPLEMENTED") || e.code().equals("INVALID_ARGUMENT")
                && String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("not supported in location")) {
            return ScopeStatus.UNSUPPORTED;
        }
        return ScopeStatus.FAILED;
    }

    /** The failure as nasql records and prints it: the service's words, then what to do. */
    public static String describe(ApiCallException e, ScopeStatus status, String projectsId, String locationsId) {
        String said = e.toString();
        String advice = status == ScopeStatus.DENIED ? denied(projectsId, e.permission()) : advice(status, projectsId, locationsId);
        return said + (said.endsWith(".") ? " " : ". ") + Character.toUpperCase(advice.charAt(0)) + advice.substring(1) + ".";
    }

    /** One sentence: what to do about a scope in this state; null for OK. */
    public static String advice(ScopeStatus status, String projectsId, String locationsId) {
        return switch (status) {
            case DENIED -> denied(projectsId, null);
            case DISABLED -> "enable the Vertex AI API: gcloud services enable aiplatform.googleapis.com --project " + projectsId;
            case UNSUPPORTED -> "NAS is not offered in " + locationsId + "; skipped until the project's remembered locations expire";
            case FAILED -> "retried at the next sync";
            case OK -> null;
        };
    }

    /** The DENIED advice, naming the permission the service said was missing (NasJobs' list when it named none). */
    private static String denied(String projectsId, String permission) {
        return "check that project " + projectsId + " exists and that you have " + (permission == null ? "aiplatform.nasJobs.list" : permission)
                + " on it (e.g. roles/aiplatform.viewer)";
    }
}
