package io.nasql.sync;

import io.nasql.db.ScopeChanges;
import io.nasql.db.ScopeKey;

/** How one scope's sync ended. {@code changes} is null unless the status is OK. */
public record ScopeOutcome(ScopeKey scope, Status status, ScopeChanges changes, String message) {

    /** As {@code sync_scopes.status}, and INTERRUPTED for a scope a stopped run did not finish. */
    public enum Status { OK, FAILED, DENIED, DISABLED, UNSUPPORTED, INTERRUPTED }

    static ScopeOutcome ok(ScopeKey scope, ScopeChanges changes) {
        return new ScopeOutcome(scope, Status.OK, changes, null);
    }

    static ScopeOutcome interrupted(ScopeKey scope) {
        return new ScopeOutcome(scope, Status.INTERRUPTED, null, "interrupted before it finished; left as it was");
    }
}
