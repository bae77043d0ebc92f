package io.nasql.shell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.shell.statement.StatementException;
import io.nasql.sync.CancelledException;
import org.junit.jupiter.api.Test;

/** What the REPL says of a statement stopped by Ctrl-C: a write's {@code k of n} is never dropped. */
class QueryRunnerTest {
    @Test
    void aCancelledWriteKeepsItsSummary() {
        assertThat(QueryRunner.cancelled(new StatementException("1 of 3 created, 1 failed, 1 not attempted; the jobs created are in the inventory", "-e:1")))
                .isEqualTo("cancelled: 1 of 3 created, 1 failed, 1 not attempted; the jobs created are in the inventory");
        assertThat(QueryRunner.cancelled(new StatementException("cancelled: 0 of 2 deleted, 2 not attempted; kept", "-e:1")))
                .isEqualTo("cancelled: 0 of 2 deleted, 2 not attempted; kept");
        assertThat(QueryRunner.cancelled(new StatementException("cancelled", "-e:1"))).isEqualTo("cancelled");
        assertThat(QueryRunner.cancelled(new CancelledException())).isEqualTo("cancelled");
    }
}
