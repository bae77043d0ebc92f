package io.nasql.emulator;

/**
 * The methods the emulator serves, with the IAM permission each checks (Vertex AI's access
 * control page lists them) and whether it counts against the job or LRO submission quota.
 */
enum ApiMethod {
    CREATE_NAS_JOB("CreateNasJob", "aiplatform.nasJobs.create", true),
    GET_NAS_JOB("GetNasJob", "aiplatform.nasJobs.get", false),
    LIST_NAS_JOBS("ListNasJobs", "aiplatform.nasJobs.list", false),
    DELETE_NAS_JOB("DeleteNasJob", "aiplatform.nasJobs.delete", true),
    CANCEL_NAS_JOB("CancelNasJob", "aiplatform.nasJobs.cancel", true),
    GET_NAS_TRIAL_DETAIL("GetNasTrialDetail", "aiplatform.nasTrialDetails.get", false),
    LIST_NAS_TRIAL_DETAILS("ListNasTrialDetails", "aiplatform.nasTrialDetails.list", false),
    GET_OPERATION("GetOperation", "aiplatform.operations.get", false),
    LIST_LOCATIONS("ListLocations", "aiplatform.locations.list", false),
    GET_LOCATION("GetLocation", "aiplatform.locations.get", false);

    private final String rpc;
    private final String permission;
    private final boolean submission;

    ApiMethod(String rpc, String permission, boolean submission) {
        this.rpc = rpc;
        this.permission = permission;
        this.submission = submission;
    }

    String rpc() {
        return rpc;
    }

    String permission() {
        return permission;
    }

    /** True for the calls that start or stop work: they count against the submission quota too. */
    boolean submission() {
        return submission;
    }
}
