package io.nasql.db;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.jooq.SQLDialect;

/** The database an inventory lives in, told by its JDBC URL: H2 embedded (the default) or PostgreSQL (a team's). */
public enum Backend {
    H2(SQLDialect.H2, "h2", ChronoUnit.NANOS),
    POSTGRESQL(SQLDialect.POSTGRES, "postgresql", ChronoUnit.MICROS);

    private final SQLDialect dialect;
    private final String migrationFolder;
    private final ChronoUnit timePrecision;

    Backend(SQLDialect dialect, String migrationFolder, ChronoUnit timePrecision) {
        this.dialect = dialect;
        this.migrationFolder = migrationFolder;
        this.timePrecision = timePrecision;
    }

    /** The backend of an inventory: H2 for the folder (no URL), else as {@link #of(String)} says. */
    public static Backend ofInventory(String jdbcUrlOrNull) {
        return jdbcUrlOrNull == null ? H2 : of(jdbcUrlOrNull);
    }

    /** The backend of a JDBC URL; an error naming the supported ones for anything else. */
    public static Backend of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new InventoryException("unsupported inventory URL " + Secrets.mask(jdbcUrl)
                + ": nasql keeps its inventory in H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql://HOST/google)");
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /** Flyway locations: the migrations shared by both, then this backend's own. */
    String[] migrationLocations() {
        return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + migrationFolder};
    }

    /** A time as this backend stores it: PostgreSQL keeps microseconds, H2 nanoseconds. */
    public OffsetDateTime stored(OffsetDateTime time) {
        return time == null ? null : time.truncatedTo(timePrecision);
    }
}
