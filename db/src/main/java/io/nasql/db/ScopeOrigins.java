package io.nasql.db;

import static io.nasql.db.generated.Tables.SYNC_SCOPES;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * How each scope in {@code sync_scopes} was found ({@code discoveredBy}) and in which folder or
 * organization ({@code discoveredIn}). A row starts as {@code named}; only the few scopes found
 * otherwise are written here, so a sync of many named scopes costs nothing more.
 */
public final class ScopeOrigins {
    /** How a scope came into a sync. */
    public enum Origin {
        /** by --projects or the settings file */
        NAMED,
        /** by a Cloud Asset Inventory search of a folder or organization */
        DISCOVERED,
        /** by Resource Manager's projects of a folder or organization, and their locations */
        FALLBACK;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A scope of a sync, how it was found and where (null for a named one). */
    public record Found(ScopeKey scope, Origin origin, String foundIn) {
    }

    private final DSLContext dsl;

    public ScopeOrigins(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Writes the origins of the scopes that have a row; scopes without one (never attempted) are left out. */
    public void record(Collection<Found> found) {
        Map<ScopeKey, Found> notNamed = new HashMap<>();
        dsl.select(SYNC_SCOPES.PROJECTSID, SYNC_SCOPES.LOCATIONSID, SYNC_SCOPES.DISCOVEREDBY, SYNC_SCOPES.DISCOVEREDIN)
                .from(SYNC_SCOPES)
                .where(SYNC_SCOPES.DISCOVEREDBY.ne(Origin.NAMED.label()))
                .forEach(r -> {
                    ScopeKey key = new ScopeKey(r.value1(), r.value2());
                    notNamed.put(key, new Found(key, Origin.valueOf(r.value3().toUpperCase(Locale.ROOT)), r.value4()));
                });
        List<Query> updates = new ArrayList<>();
        for (Found f : found) {
            Found now = notNamed.get(f.scope());
            boolean same = now == null ? f.origin() == Origin.NAMED
                    : now.origin() == f.origin() && Objects.equals(now.foundIn(), f.foundIn());
            if (!same) {
                updates.add(dsl.update(SYNC_SCOPES)
                        .set(SYNC_SCOPES.DISCOVEREDBY, f.origin().label())
                        .set(SYNC_SCOPES.DISCOVEREDIN, f.origin() == Origin.NAMED ? null : f.foundIn())
                        .where(SYNC_SCOPES.PROJECTSID.eq(f.scope().projectsId()).and(SYNC_SCOPES.LOCATIONSID.eq(f.scope().locationsId()))));
            }
        }
        if (!updates.isEmpty()) {
            dsl.batch(updates).execute();
        }
    }

    /**
     * The scopes once found in a folder or organization that may still hold jobs: those whose
     * last sync saw jobs, or that did not finish. A search that no longer returns one of them
     * may only lag, so it is listed once more through the Vertex AI API before its rows go.
     */
    public List<ScopeKey> heldIn(String container) {
        return dsl.select(SYNC_SCOPES.PROJECTSID, SYNC_SCOPES.LOCATIONSID)
                .from(SYNC_SCOPES)
                .where(SYNC_SCOPES.DISCOVEREDIN.eq(container))
                .and(SYNC_SCOPES.JOBCOUNT.gt(0).or(SYNC_SCOPES.STATUS.ne(ScopeStatus.OK.name())))
                .orderBy(SYNC_SCOPES.PROJECTSID, SYNC_SCOPES.LOCATIONSID)
                .fetch(r -> new ScopeKey(r.value1(), r.value2()));
    }
}
