package io.nasql.shell.statement;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.Backend;
import io.nasql.db.ScopeKey;
import org.junit.jupiter.api.Test;

class ScopePinsTest {
    private static boolean one(String where) {
        return ScopePins.of("WHERE " + where, Backend.H2).isExactlyOneJob("WHERE");
    }

    @Test
    void equalitiesAndInListsPinTheKeys() {
        ScopePins pins = ScopePins.of("SELECT * FROM t WHERE \"projectsId\" = 'p''1' AND locationsId IN ('a', 'b') AND x = 1", Backend.H2);
        assertThat(pins.values("projectsId")).containsExactly("p'1");
        assertThat(pins.scopes()).containsExactly(new ScopeKey("p'1", "a"), new ScopeKey("p'1", "b"));
    }

    @Test
    void keysInsideLiteralsOrCommentsPinNothing() {
        ScopePins pins = ScopePins.of("WHERE displayName = 'projectsId = ''x''' -- locationsId = 'y'\n/* nasJobsId = 'z' */", Backend.H2);
        assertThat(pins.values("projectsId")).isEmpty();
        assertThat(pins.values("locationsId")).isEmpty();
        assertThat(pins.values("nasJobsId")).isEmpty();
    }

    @Test
    void aLiteralThatGoesOnIntoAnExpressionIsNoPin() {
        assertThat(ScopePins.of("WHERE projectsId = 'a' || 'b'", Backend.H2).values("projectsId")).isEmpty();
        assertThat(ScopePins.of("WHERE j.projectsId = 'a' OR x", Backend.H2).values("projectsId")).containsExactly("a");
    }

    @Test
    void thePagesDeleteNamesExactlyOneJob() {
        assertThat(one("projectsId = 'p' AND locationsId = 'l' AND nasJobsId = '1'")).isTrue();
        assertThat(one("(projectsId = 'p') AND (locationsId = 'l' AND nasJobsId = '1') -- why\n")).isTrue();
        assertThat(one("nasJobsId = '1' /* first */ AND locationsId = 'l' AND \"projectsId\" = 'p'")).isTrue();
    }

    @Test
    void anythingMoreIsABulkDelete() {
        assertThat(one("projectsId = 'p' AND locationsId = 'l' AND nasJobsId = '1' OR TRUE")).isFalse();
        assertThat(one("projectsId = 'p' AND locationsId = 'l' AND (nasJobsId = '1' OR nasJobsId <> '')")).isFalse();
        assertThat(one("projectsId = 'p' AND locationsId = 'l' AND nasJobsId IN ('1')")).isFalse();
        assertThat(one("projectsId = 'p' AND locationsId = 'l' AND nasJobsId = '1' AND nasJobsId = '2'")).isFalse();
        assertThat(one("projectsId = 'p' AND locationsId = 'l' AND nasJobsId = '1' || ''")).isFalse();
        assertThat(one("NOT projectsId = 'p' AND locationsId = 'l' AND nasJobsId = '1'")).isFalse();
        assertThat(one("projectsId = 'p' AND locationsId = 'l' AND displayName = 'nasJobsId = ''1'''")).isFalse();
        assertThat(one("projectsId = 'p' AND locationsId = 'l'")).isFalse();
        assertThat(one("projectsId = 'p' AND locationsId = 'l' AND nasJobsId = '1' AND state = 'x'")).isFalse();
    }

    @Test
    void onPostgresPinsAfterAnEscapeStringAreSeenAndEscapedValuesRead() {
        ScopePins pins = ScopePins.of("SELECT * FROM t WHERE displayName <> E'x\\'y' AND projectsId = E'proj\\x2d002'"
                + " AND locationsId = 'us-central1'", Backend.POSTGRESQL);
        assertThat(pins.scopes()).containsExactly(new ScopeKey("proj-002", "us-central1"));
        assertThat(ScopePins.of("WHERE x = $$ projectsId = 'p' $$ AND locationsId = 'l'", Backend.POSTGRESQL).values("projectsId")).isEmpty();
    }
}
