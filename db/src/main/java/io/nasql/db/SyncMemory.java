package io.nasql.db;

import static io.nasql.db.generated.Tables.PROJECT_LOCATIONS;
import static io.nasql.db.generated.Tables.SYNC_SCOPES;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What sync remembers between runs beyond the jobs: when each scope last synced, each project's
 * locations as ListLocations answered (and when), and the scopes found UNSUPPORTED.
 */
public final class SyncMemory {
    private final DSLContext dsl;

    /** A project's remembered locations and when they were discovered. */
    public record Locations(List<String> locationIds, OffsetDateTime discoveredAt) {
    }

    public SyncMemory(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The locations remembered for a project, if any were discovered at or after {@code notBefore}. */
    public Optional<Locations> locations(String projectsId, OffsetDateTime notBefore) {
        var rows = dsl.select(PROJECT_LOCATIONS.LOCATIONSID, PROJECT_LOCATIONS.DISCOVEREDAT)
                .from(PROJECT_LOCATIONS)
                .where(PROJECT_LOCATIONS.PROJECTSID.eq(projectsId))
                .orderBy(PROJECT_LOCATIONS.LOCATIONSID)
                .fetch();
        if (rows.isEmpty() || rows.get(0).value2().isBefore(notBefore)) {
            return Optional.empty();
        }
        return Optional.of(new Locations(rows.map(r -> r.value1()), rows.get(0).value2()));
    }

    /** Replaces a project's remembered locations, in one transaction. */
    public void rememberLocations(String projectsId, List<String> locationIds, OffsetDateTime at) {
        dsl.transaction(tx -> {
            DSLContext db = tx.dsl();
            db.deleteFrom(PROJECT_LOCATIONS).where(PROJECT_LOCATIONS.PROJECTSID.eq(projectsId)).execute();
            // Its locations were listed: an earlier "P/*" row saying they could not be (DENIED, DISABLED) is stale.
            db.deleteFrom(SYNC_SCOPES).where(SYNC_SCOPES.PROJECTSID.eq(projectsId)).and(SYNC_SCOPES.LOCATIONSID.eq("*")).execute();
            var insert = db.insertInto(PROJECT_LOCATIONS, PROJECT_LOCATIONS.PROJECTSID, PROJECT_LOCATIONS.LOCATIONSID,
                    PROJECT_LOCATIONS.DISCOVEREDAT);
            for (String location : new java.util.LinkedHashSet<>(locationIds)) {
                insert = insert.values(projectsId, location, at);
            }
            if (!locationIds.isEmpty()) {
                insert.execute();
            }
        });
    }

    /** The locations of a project whose scope was found UNSUPPORTED at or after {@code since}. */
    public Set<String> unsupportedSince(String projectsId, OffsetDateTime since) {
        return new HashSet<>(dsl.select(SYNC_SCOPES.LOCATIONSID)
                .from(SYNC_SCOPES)
                .where(SYNC_SCOPES.PROJECTSID.eq(projectsId))
                .and(SYNC_SCOPES.STATUS.eq(ScopeStatus.UNSUPPORTED.name()))
                .and(SYNC_SCOPES.LASTATTEMPTAT.ge(since))
                .fetch(SYNC_SCOPES.LOCATIONSID));
    }

    /** When each scope last synced successfully; scopes never synced are absent. */
    public Map<ScopeKey, OffsetDateTime> lastSuccess(Collection<ScopeKey> scopes) {
        Map<ScopeKey, OffsetDateTime> result = new HashMap<>();
        if (scopes.isEmpty()) {
            return result;
        }
        List<Condition> any = new ArrayList<>();
        scopes.forEach(s -> any.add(SYNC_SCOPES.PROJECTSID.eq(s.projectsId()).and(SYNC_SCOPES.LOCATIONSID.eq(s.locationsId()))));
        dsl.select(SYNC_SCOPES.PROJECTSID, SYNC_SCOPES.LOCATIONSID, SYNC_SCOPES.LASTSUCCESSAT)
                .from(SYNC_SCOPES)
                .where(DSL.or(any))
                .and(SYNC_SCOPES.LASTSUCCESSAT.isNotNull())
                .fetch()
                .forEach(r -> result.put(new ScopeKey(r.value1(), r.value2()), r.value3()));
        return result;
    }
}
