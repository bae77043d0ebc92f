package io.nasql.shell.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.nasql.db.Backend;
import io.nasql.db.TestPostgres;
import io.nasql.emulator.EmulatorConfig;
import io.nasql.emulator.EmulatorServer;
import io.nasql.emulator.ManualClock;
import io.nasql.shell.cli.Cli;
import io.nasql.shell.statement.Statement;
import io.nasql.shell.statement.StatementEffects;
import io.nasql.shell.statement.StatementSplitter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Every query in the README's SQL examples runs, on H2 and on PostgreSQL alike, with the same camelCase headers. */
@ParameterizedClass
@MethodSource("io.nasql.db.TestInventories#backends")
class ReadmeQueriesTest {
    private static final Pattern SQL_BLOCK = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL);

    @Parameter
    Backend backend;

    @TempDir
    Path home;

    /** The README's queries: SELECTs without placeholders, on the project the emulator has. */
    private static List<String> readmeQueries() throws Exception {
        Matcher blocks = SQL_BLOCK.matcher(Files.readString(Path.of("..", "README.md")));
        List<String> queries = new ArrayList<>();
        while (blocks.find()) {
            for (Statement statement : StatementSplitter.split(blocks.group(1), "README.md", Backend.H2)) {
                if (StatementEffects.isQuery(statement.text(), Backend.H2) && !statement.text().contains("{{")) {
                    queries.add(statement.text().replace("'my-project'", "'proj-001'"));
                }
            }
        }
        return queries;
    }

    @Test
    void everyReadmeQueryRunsAndKeepsItsCamelCaseHeaders() throws Exception {
        List<String> queries = readmeQueries();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(5);
        String db = backend == Backend.H2 ? Cli.memoryDb() : TestPostgres.freshGoogle();
        try (EmulatorServer emulator = EmulatorServer.start(EmulatorConfig.empty()
                .withSeedData(List.of("proj-001"), List.of("us-central1"), 6, 3), new ManualClock(Instant.now()))) {
            List<String> api = List.of("--db", db, "--endpoint", emulator.endpoint(), "--plaintext", "-o", "text");
            List<String> sync = new ArrayList<>(api);
            sync.addAll(List.of("-e", "SYNC WHERE projectsId = 'proj-001' AND locationsId = 'us-central1'"));
            assertThat(Cli.run(home, "", sync.toArray(String[]::new)).code()).isZero();
            for (String query : queries) {
                List<String> args = new ArrayList<>(api);
                args.addAll(List.of("-e", query));
                Cli.Result result = Cli.run(home, "", args.toArray(String[]::new));
                assertThat(result.code()).as(query + "\n" + result.err()).isZero();
                String header = result.out().lines().findFirst().orElse("");
                String selectList = query.substring(0, Math.max(0, query.indexOf("FROM"))).replaceAll("'[^']*'", "''");
                for (String camelCase : List.of("displayName", "nasJobsId", "metricId", "createTime")) {
                    if (selectList.contains(camelCase)) {
                        assertThat(header.split("\t")).as(query).contains(camelCase);
                    }
                }
                assertThat(result.out().lines().count()).as(query).isGreaterThan(1);
            }
        }
    }
}
