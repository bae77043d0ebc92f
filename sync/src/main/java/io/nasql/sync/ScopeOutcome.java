package io.nasql.sync;

import io.nasql.db.ScopeChanges;
import io.nasql.db.ScopeKey;

/** How one scope's sync ended. {@code changes} is null unless the status is OK. */
public record ScopeOutcome(ScopeKey scope, Status status, ScopeChanges changes, String message) {

    /**
     * As {@code sync_scopes.status}, INTERRUPTED for a scope a stopped run did not finish, and HELD
     * for a scope another sync worker held, so this one left it to that worker.
     */
    public enum Status { OK, FAILED, DENIED, DISABLED, UNSUPPORTED, INTERRUPTED, HELD }

    static ScopeOutcome held(ScopeKey scope, String why) {
        return new ScopeOutcome(scope, Status.HELD, null, why);
    }

    static ScopeOutcome ok(ScopeKey scope, ScopeChanges changes) {
        return new ScopeOutcome(scope, Status.OK, changes, null);
    }

    static ScopeOutcome interrupted(ScopeKey scope) {
        return new ScopeOutcome(scope, Status.INTERRUPTED, null, "interrupted before it finished; left as it was");
    }
}
