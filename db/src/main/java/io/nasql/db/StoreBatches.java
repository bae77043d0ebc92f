package io.nasql.db;

import static io.nasql.db.generated.Tables.NAS_JOB_EVENTS;

import io.nasql.db.generated.tables.records.NasJobEventsRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Field;
import org.jooq.TableRecord;

/** Helpers of {@link InventoryStore}'s writes: rows at the backend's time precision, ids in chunks, event rows. */
final class StoreBatches {
    private StoreBatches() {
    }

    /** A record's times truncated to what the backend keeps, so that what is read back equals what was written. */
    @SuppressWarnings("unchecked")
    static <R extends TableRecord<R>> R atPrecision(Backend backend, R record) {
        for (Field<?> field : record.fields()) {
            if (field.getType() == OffsetDateTime.class) {
                Field<OffsetDateTime> time = (Field<OffsetDateTime>) field;
                record.set(time, backend.stored(record.get(time)));
            }
        }
        return record;
    }

    /** The events' columns but the generated id. */
    static final List<Field<?>> EVENT_FIELDS = List.of(NAS_JOB_EVENTS.PROJECTSID, NAS_JOB_EVENTS.LOCATIONSID,
            NAS_JOB_EVENTS.NASJOBSID, NAS_JOB_EVENTS.OBSERVEDAT, NAS_JOB_EVENTS.FROMSTATE, NAS_JOB_EVENTS.TOSTATE, NAS_JOB_EVENTS.SOURCE);

    static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += 1000) {
            chunks.add(ids.subList(i, Math.min(ids.size(), i + 1000)));
        }
        return chunks;
    }


    static NasJobEventsRecord event(ScopeKey scope, String id, String from, String to, String source, OffsetDateTime at) {
        NasJobEventsRecord e = new NasJobEventsRecord();
        e.setProjectsid(scope.projectsId());
        e.setLocationsid(scope.locationsId());
        e.setNasjobsid(id);
        e.setObservedat(at);
        e.setFromstate(from);
        e.setTostate(to);
        e.setSource(source);
        return e;
    }
}
