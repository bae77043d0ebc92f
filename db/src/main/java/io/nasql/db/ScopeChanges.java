package io.nasql.db;

/** What one snapshot replace did to a scope. */
public record ScopeChanges(int added, int changed, int removed, int jobCount) {
}
