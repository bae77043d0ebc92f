package io.nasql.db;

/**
 * The outcome of a scope's last sync attempt, as {@code sync_scopes.status} stores it: OK; FAILED
 * (retried next time); DENIED (the caller may not list NasJobs there, or the project does not exist);
 * DISABLED (the Vertex AI API is off in the project); UNSUPPORTED (NAS is not offered in the region).
 */
public enum ScopeStatus {
    OK, FAILED, DENIED, DISABLED, UNSUPPORTED
}
