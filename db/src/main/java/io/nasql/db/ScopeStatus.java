package io.nasql.db;

/** The outcome of a scope's last sync attempt, as {@code sync_scopes.status} stores it. */
public enum ScopeStatus {
    OK, FAILED, DENIED
}
