package io.nasql.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.shell.report.ReportCatalog;
import io.nasql.shell.statement.Execution;
import io.nasql.shell.statement.ProgressSink;
import io.nasql.shell.statement.Settings;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementEngine;
import io.nasql.shell.write.Confirmer;
import io.nasql.sync.CancelToken;
import io.nasql.sync.ApiTarget;
import io.nasql.sync.SyncOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What needs no API makes no client; what needs one without credentials says how to get them. */
class OfflineTest {
    @TempDir
    Path home;

    @Test
    void localStatementsCreateNoApiClient() {
        SessionConfig config = new SessionConfig(Cli.memoryDb(), home, ApiTarget.google(), List.of("p"), List.of("us-central1"),
                SyncOptions.defaults(), false);
        StringWriter out = new StringWriter();
        try (Wiring wiring = new Wiring(config, new Settings(), Clock.systemUTC())) {
            StatementEngine engine = wiring.engine(new Wiring.FrontEnd(new PrintWriter(new StringWriter()), ProgressSink.NONE,
                    Confirmer.NOBODY, () -> ReportCatalog.load(List.of()), Map.of()));
            for (String sql : List.of("SELECT 1", "SELECT COUNT(*) FROM google.aiplatform.nas_jobs WHERE state = 'JOB_STATE_RUNNING'",
                    "SHOW METHODS IN google.aiplatform.nas_jobs", "DESCRIBE google.aiplatform.nas_jobs", "SET max_age = 0",
                    "REPORT jobs-by-state", "CREATE VIEW running AS SELECT * FROM google.aiplatform.nas_jobs WHERE state = 'JOB_STATE_RUNNING'")) {
                engine.execute(new Statement(sql, "t", 1, 1), new Execution(new CancelToken(), wiring.settings(), out, false));
            }
            assertThat(wiring.api().used()).isFalse();
        }
        assertThat(out.toString()).contains("MethodName");
    }

    @Test
    void withoutCredentialsSyncSaysHowToLogIn() {
        Cli.Result result = Cli.run(home, "", "--db", Cli.memoryDb(), "--projects", "p", "--locations", "us-central1", "sync");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("error: no Google credentials found: run `gcloud auth application-default login`,"
                + " pass --credentials FILE, or try `nasql --demo`\n");
    }

    @Test
    void anUnreadableKeyFileIsNamed() {
        Cli.Result result = Cli.run(home, "", "--db", Cli.memoryDb(), "--credentials", home.resolve("missing.json").toString(),
                "--projects", "p", "--locations", "us-central1", "sync");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.err()).startsWith("error: cannot read credentials from " + home.resolve("missing.json"));
    }
}
