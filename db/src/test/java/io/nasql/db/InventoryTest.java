package io.nasql.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.aiplatform.v1.JobState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTest {
    private static final Path REFERENCE_PAGE = Path.of("..", "docs", "stackql-nas_jobs.md");

    static {
        // Inventory sets H2's bind address as it loads, which must come before H2 loads: a test that makes an old
        // inventory with H2 alone first (run by itself) would otherwise have H2 bind its sharing server everywhere.
        try {
            Class.forName(Inventory.class.getName(), true, InventoryTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void nasJobsHasEveryFieldOfTheResourcePage() throws Exception {
        List<String> pageFields = new ArrayList<>();
        Matcher m = Pattern.compile("^\\| <CopyableCode code=\"(\\w+)\" /> \\| `", Pattern.MULTILINE)
                .matcher(fieldsSection(Files.readString(REFERENCE_PAGE)));
        while (m.find()) {
            pageFields.add(m.group(1));
        }
        assertThat(pageFields).hasSize(15);
        try (Inventory inventory = TestJobs.memoryInventory(); Connection c = inventory.connection();
             ResultSet rs = c.getMetaData().getColumns(null, "aiplatform", "nas_jobs", null)) {
            List<String> columns = new ArrayList<>();
            while (rs.next()) {
                columns.add(rs.getString("COLUMN_NAME"));
            }
            assertThat(columns).containsAll(pageFields)
                    .contains("projectsId", "locationsId", "nasJobsId", "syncedAt")
                    .hasSize(pageFields.size() + 4);
        }
    }

    private static String fieldsSection(String page) {
        return page.substring(page.indexOf("## Fields"), page.indexOf("## Methods"));
    }

    @Test
    void schemaVersionConstantIsTheHighestMigration() throws IOException {
        int highest = Stream.of("common", "h2", "postgresql").flatMap(f -> versions(f).stream()).max(Integer::compare).orElseThrow();
        assertThat(Inventory.SCHEMA_VERSION).isEqualTo(highest);
    }

    @Test
    void everyVersionIsSharedOrWrittenForBothBackends() throws IOException {
        List<Integer> common = versions("common");
        List<Integer> h2 = versions("h2");
        List<Integer> postgresql = versions("postgresql");
        assertThat(h2).doesNotContainAnyElementsOf(common).containsExactlyInAnyOrderElementsOf(postgresql);
    }

    private static List<Integer> versions(String folder) {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", folder))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("V"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theResourcePagesSelectRunsVerbatimWithCamelCaseLabels() throws Exception {
        String page = Files.readString(REFERENCE_PAGE);
        int start = page.indexOf("```sql\nSELECT");
        String select = page.substring(start + 7, page.indexOf("```", start + 7)).trim()
                .replace("{{ locationsId }}", "us-central1").replace("{{ projectsId }}", "proj-a");
        select = select.substring(0, select.length() - 1); // the trailing ';'
        try (Inventory inventory = TestJobs.memoryInventory()) {
            ScopeKey scope = new ScopeKey("proj-a", "us-central1");
            new InventoryStore(inventory).replaceScope(scope,
                    List.of(TestJobs.job(scope, "11", JobState.JOB_STATE_RUNNING, 1_700_000_100L)), List.of(), "sync", OffsetDateTime.now());
            try (Connection c = inventory.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(select)) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> labels = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    labels.add(meta.getColumnLabel(i));
                }
                assertThat(labels).containsExactly("name", "createTime", "displayName", "enableRestrictedImageTraining",
                        "encryptionSpec", "endTime", "error", "labels", "nasJobOutput", "nasJobSpec", "satisfiesPzi",
                        "satisfiesPzs", "startTime", "state", "updateTime");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("name")).isEqualTo("projects/123456789012/locations/us-central1/nasJobs/11");
                assertThat(rs.getString("state")).isEqualTo("JOB_STATE_RUNNING");
                assertThat(rs.next()).isFalse();
            }
        }
    }

    @Test
    void jsonValueWorksInEverySession() throws Exception {
        try (Inventory inventory = TestJobs.memoryInventory()) {
            ScopeKey scope = new ScopeKey("proj-a", "us-central1");
            new InventoryStore(inventory).putJob(scope, TestJobs.job(scope, "7", JobState.JOB_STATE_QUEUED, 1), "insert", OffsetDateTime.now());
            try (Connection c = inventory.connection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT json_value(nasJobSpec, '$.multiTrialAlgorithmSpec.metric.goal'),"
                         + " JSON_VALUE(labels, '$.team'), json_value(labels, '$.missing') FROM google.aiplatform.nas_jobs")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("MAXIMIZE");
                assertThat(rs.getString(2)).isEqualTo("vision");
                assertThat(rs.getString(3)).isNull();
            }
        }
    }

    @Test
    void createsTheFolderOwnerOnlyAndReopensWithoutMigrating(@TempDir Path home) throws Exception {
        Path folder = home.resolve("inventory");
        try (Inventory inventory = Inventory.openFolder(folder)) {
            assertThat(inventory.displayName()).endsWith("google.mv.db");
        }
        assertThat(Files.getPosixFilePermissions(folder)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE", "OWNER_EXECUTE");
        try (Inventory again = Inventory.openFolder(folder); Connection c = again.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM \"nasql\".\"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(Inventory.SCHEMA_VERSION);
        }
    }

    @Test
    void twoInventoriesOnOneFolderBothWork(@TempDir Path folder) throws Exception {
        try (Inventory first = Inventory.openFolder(folder); Inventory second = Inventory.openFolder(folder)) {
            ScopeKey scope = new ScopeKey("p", "l");
            new InventoryStore(first).putJob(scope, TestJobs.job(scope, "1", JobState.JOB_STATE_RUNNING, 5), "insert", OffsetDateTime.now());
            assertThat(new InventoryStore(second).updateTimes(scope)).containsOnlyKeys("1");
        }
    }

    @Test
    void aSecondProcessOpensTheSameFolderWhileTheFirstHoldsIt(@TempDir Path folder) throws Exception {
        try (Inventory first = Inventory.openFolder(folder)) {
            ScopeKey scope = new ScopeKey("p", "l");
            new InventoryStore(first).putJob(scope, TestJobs.job(scope, "1", JobState.JOB_STATE_RUNNING, 5), "insert", OffsetDateTime.now());
            Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CountJobs.class.getName(), folder.toString())
                    .redirectErrorStream(true).start();
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(other.getInputStream().readAllBytes())).contains("jobs=1");
            assertThat(other.exitValue()).isZero();
            assertThat(folder.resolve("google.password")).exists();
        }
    }

    @Test
    void theInventoryHasAPasswordOfItsOwnInAnOwnerOnlyFileBesideIt(@TempDir Path home) throws Exception {
        Path folder = home.resolve("inventory");
        Inventory.openFolder(folder).close();
        Path password = folder.resolve("google.password");
        assertThat(Files.getPosixFilePermissions(password)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        assertThat(Files.readString(password).trim()).hasSizeGreaterThanOrEqualTo(32);
        String url = Inventory.urlForFolder(folder);
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(url, "", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
        java.sql.DriverManager.getConnection(url, "", Files.readString(password).trim()).close();
    }

    /** An inventory as nasql made it before it had a password: H2 with the empty one, the first schema, one job in it. */
    private static void oldInventory(Path folder) throws SQLException {
        String url = "jdbc:h2:file:" + folder.resolve("google") + ";DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";
        org.h2.jdbcx.JdbcConnectionPool pool = org.h2.jdbcx.JdbcConnectionPool.create(url, "", "");
        try {
            // Schema version 1, as an inventory made before passwords was (V2 needs json_value, which Inventory adds).
            org.flywaydb.core.Flyway.configure().dataSource(pool).schemas("nasql").defaultSchema("nasql")
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2").target("1").load().migrate();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO google.aiplatform.nas_jobs (projectsId, locationsId, nasJobsId, name, syncedAt)"
                        + " VALUES ('p', 'l', '1', 'projects/p/locations/l/nasJobs/1', CURRENT_TIMESTAMP)");
            }
        } finally {
            pool.dispose();
        }
        assertThat(folder.resolve("google.password")).doesNotExist();
    }

    @Test
    void anInventoryWithoutAPasswordIsUpgradedInPlaceAndKeepsItsRows(@TempDir Path folder) throws Exception {
        ScopeKey scope = new ScopeKey("p", "l");
        oldInventory(folder);
        try (Inventory upgraded = Inventory.openFolder(folder)) {
            assertThat(new InventoryStore(upgraded).updateTimes(scope)).containsOnlyKeys("1");
        }
        assertThatThrownBy(() -> java.sql.DriverManager.getConnection(Inventory.urlForFolder(folder), "", "").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
        try (Inventory again = Inventory.openFolder(folder)) {
            assertThat(new InventoryStore(again).updateTimes(scope)).containsOnlyKeys("1");
        }
    }

    @Test
    void aPlantedPasswordFileIsNeverSplicedIntoSql(@TempDir Path folder) throws Exception {
        oldInventory(folder);
        Path planted = folder.resolve("google.password");
        Files.writeString(planted, "x'; CREATE TABLE PUBLIC.PWNED(A INT); --\n");
        Files.setPosixFilePermissions(planted, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> Inventory.openFolder(folder)).isInstanceOf(InventoryException.class)
                .hasMessage("the inventory's password file " + planted + " does not hold a password nasql made: restore it from"
                        + " a backup, or move the inventory aside and run `nasql sync` to rebuild it");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("google"), "", "");
             ResultSet rs = c.getMetaData().getTables(null, null, "PWNED", null)) {
            assertThat(rs.next()).as("the injected table").isFalse(); // and the empty password still opens it: unchanged
        }
    }

    @Test
    void aPasswordFileOthersCouldHaveWrittenIsRefused(@TempDir Path folder) throws Exception {
        Inventory.openFolder(folder).close();
        Path file = folder.resolve("google.password");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThatThrownBy(() -> Inventory.openFolder(folder)).isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("other users can open the inventory's password file " + file + ": run chmod 600 " + file);
        Path real = Files.move(file, folder.resolve("elsewhere"));
        Files.setPosixFilePermissions(real, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Files.createSymbolicLink(file, real);
        assertThatThrownBy(() -> Inventory.openFolder(folder)).isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("the inventory's password file " + file + " is not a regular file");
    }

    @Test
    void twoProcessesUpgradingOneOldInventoryAtOnceBothOpenIt(@TempDir Path folder) throws Exception {
        oldInventory(folder);
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CountJobs.class.getName(), folder.toString())
                    .redirectErrorStream(true).start());
        }
        for (Process process : processes) {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(output).as(output).contains("jobs=1");
            assertThat(process.exitValue()).isZero();
        }
        try (Inventory again = Inventory.openFolder(folder)) {
            assertThat(new InventoryStore(again).updateTimes(new ScopeKey("p", "l"))).containsOnlyKeys("1");
        }
    }

    @Test
    void aLostPasswordFileIsNamedWithWhatToDo(@TempDir Path folder) throws Exception {
        Inventory.openFolder(folder).close();
        Path file = folder.resolve("google.password");
        Files.delete(file);
        assertThatThrownBy(() -> Inventory.openFolder(folder))
                .isInstanceOf(InventoryException.class)
                .hasMessage("inventory " + folder.resolve("google.mv.db") + " has a password of its own, but its password file "
                        + file + " is missing: restore that file from a backup, or move the inventory aside and run `nasql sync`"
                        + " to rebuild it")
                .satisfies(e -> assertThat(Secrets.mask(e.getMessage())).isEqualTo(e.getMessage()));
        assertThat(file).as("no made-up password file to overwrite").doesNotExist();
    }

    @Test
    void h2sOtherFileSystemsAreRefusedAndLeaveNoFileBehind(@TempDir Path folder) throws Exception {
        Path cwd = Path.of("").toAbsolutePath();
        for (String prefix : List.of("nio:", "split:", "async:", "nioMapped:", "retry:", "file:nio:", "file:split:")) {
            String url = "jdbc:h2:" + prefix + folder.resolve("google");
            assertThatThrownBy(() -> Inventory.open(url)).as(prefix).isInstanceOf(InventoryException.class)
                    .hasMessageStartingWith("unsupported inventory URL " + url + ": H2's nio:, split:");
        }
        try (Stream<Path> left = Files.list(cwd); Stream<Path> made = Files.list(folder)) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(":"));
            assertThat(made).isEmpty();
        }
    }

    @Test
    void aDbFileElsewhereAndItsLockFileAreOwnerOnly(@TempDir Path home) throws Exception {
        Path shared = Files.createDirectories(home.resolve("shared"));
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String settings : List.of("", ";PASSWORD=hunter2secret")) {
            String name = settings.isEmpty() ? "team" : "other";
            try (Inventory inventory = Inventory.open("jdbc:h2:file:" + shared.resolve(name) + settings)) {
                for (String file : List.of(name + ".mv.db", name + ".lock.db")) {
                    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(shared.resolve(file))))
                            .as(file).isEqualTo("rw-------");
                }
            }
        }
    }

    @Test
    void sharingOnAnyAddressButLoopbackIsRefused() {
        for (String loopback : List.of("127.0.0.1", "localhost", "::1")) {
            Inventory.requireLoopbackSharing(loopback);
        }
        for (String open : new String[] {"0.0.0.0", "::", "", null}) {
            assertThatThrownBy(() -> Inventory.requireLoopbackSharing(open)).as(String.valueOf(open))
                    .isInstanceOf(InventoryException.class).hasMessageEndingWith("start the JVM with -Dh2.bindAddress=127.0.0.1");
        }
    }

    @Test
    void aFolderOthersCanWriteIsRefused(@TempDir Path home) throws Exception {
        Path folder = Files.createDirectories(home.resolve(".nasql"));
        Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> Inventory.openFolder(folder)).isInstanceOf(InventoryException.class)
                .hasMessage("nasql keeps its inventory and its password in " + folder + ", but other users can write in " + folder
                        + " (chmod 700 " + folder + "): fix the folder, or pass --db with a folder of your own");
        assertThat(folder.resolve("google.password")).doesNotExist();
    }

    @Test
    void aFolderWhereH2CannotSaveItsLockFileSaysToChooseAnotherPath(@TempDir Path folder) throws Exception {
        Files.createDirectories(folder.resolve("google.lock.db")); // H2 cannot write its lock file there
        assertThatThrownBy(() -> Inventory.open("jdbc:h2:file:" + folder.resolve("google") + ";PASSWORD=hunter2secret"))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("cannot create inventory jdbc:h2:file:" + folder.resolve("google") + ";PASSWORD=***")
                .hasMessageEndingWith("): choose a --db path in a folder you can write");
    }

    @Test
    void theSharingServerListensOnLoopbackOnly(@TempDir Path folder) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "needs Linux's /proc/net/tcp");
        try (Inventory inventory = Inventory.openFolder(folder)) {
            java.util.Properties lock = new java.util.Properties();
            try (var in = Files.newInputStream(folder.resolve("google.lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            assertThat(server).matches("(localhost|127\\.0\\.0\\.1):\\d+");
            String port = String.format("%04X", Integer.parseInt(server.substring(server.indexOf(':') + 1)));
            List<String> listening = new ArrayList<>();
            for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
                if (Files.isReadable(Path.of(table))) {
                    Files.readAllLines(Path.of(table)).stream().skip(1).map(l -> l.trim().split("\\s+"))
                            .filter(f -> f[1].endsWith(":" + port) && f[3].equals("0A"))
                            .forEach(f -> listening.add(f[1]));
                }
            }
            // /proc writes 127.0.0.1 as 0100007F, in tcp6 as the IPv4-mapped ::ffff:127.0.0.1 of a dual-stack
            // socket; a wildcard bind would show 00000000 or ::.
            assertThat(listening).hasSize(1);
            assertThat(listening.get(0)).isIn("0100007F:" + port, "0000000000000000FFFF00000100007F:" + port);
        }
    }

    @Test
    void aPathThatCannotBeCreatedIsOneLineWithoutThePassword(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("plain-file"), "x");
        assertThatThrownBy(() -> Inventory.open("jdbc:h2:file:" + file.resolve("x").resolve("google") + ";PASSWORD=hunter2secret"))
                .isInstanceOf(InventoryException.class)
                .hasMessageStartingWith("cannot create inventory jdbc:h2:file:" + file.resolve("x").resolve("google") + ";PASSWORD=***")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2secret").doesNotContain("\n"));
        assertThatThrownBy(() -> Inventory.open("jdbc:h2:file:" + file.resolve("x").resolve("google")))
                .isInstanceOf(InventoryException.class)
                .hasMessage("cannot use the inventory's password file " + file.resolve("x").resolve("google.password")
                        + " (Not a directory)");
    }

    @Test
    void aCorruptFileIsNamedWithWhatToDo(@TempDir Path folder) throws Exception {
        Files.write(folder.resolve("google.mv.db"), "this is not an H2 file at all".repeat(200).getBytes());
        assertThatThrownBy(() -> Inventory.openFolder(folder))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining(folder.resolve("google.mv.db").toString())
                .hasMessageContaining("move it aside");
    }

    @Test
    void anInventoryFromANewerNasqlIsRefusedNotDowngraded(@TempDir Path folder) throws SQLException {
        try (Inventory inventory = Inventory.openFolder(folder); Connection c = inventory.connection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO \"nasql\".\"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
                    + " \"script\", \"installed_by\", \"execution_time\", \"success\") VALUES (99, '99', 'future', 'SQL', 'V99__future.sql', 'x', 1, TRUE)");
        }
        assertThatThrownBy(() -> Inventory.openFolder(folder))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("newer nasql")
                .hasMessageContaining("schema version 99");
    }

    @Test
    void aUrlThatIsNeitherH2NorPostgresqlIsRefusedClearly() {
        assertThatThrownBy(() -> Inventory.open("jdbc:mysql://localhost/google?password=hunter2"))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("jdbc:h2:").hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aFileHeldByAProgramWithoutAutoServerIsNamedWithWhatToDo(@TempDir Path folder) throws Exception {
        Inventory.openFolder(folder).close();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldWithoutAutoServer.class.getName(), folder.toString())
                .redirectErrorStream(true).start();
        try {
            assertThat(new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream())).readLine()).isEqualTo("holding");
            assertThatThrownBy(() -> Inventory.openFolder(folder))
                    .isInstanceOf(InventoryException.class)
                    .hasMessageContaining(folder.resolve("google.mv.db").toString())
                    .hasMessageContaining("locked by another program");
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Run in a second JVM: opens the inventory file the way another tool would, without AUTO_SERVER, and holds it. */
    public static final class HoldWithoutAutoServer {
        public static void main(String[] args) throws Exception {
            try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + Path.of(args[0]).resolve("google")
                    + ";DATABASE_TO_UPPER=FALSE;CASE_INSENSITIVE_IDENTIFIERS=TRUE", "", Files.readString(Path.of(args[0]).resolve("google.password")).trim())) {
                System.out.println("holding");
                System.out.flush();
                Thread.sleep(120_000);
            }
        }
    }

    /** Run in a second JVM by the test above: counts the jobs through the first process's server. */
    public static final class CountJobs {
        public static void main(String[] args) throws Exception {
            try (Inventory inventory = Inventory.openFolder(Path.of(args[0]))) {
                System.out.println("jobs=" + inventory.dsl().fetchCount(io.nasql.db.generated.Tables.NAS_JOBS));
            }
        }
    }
}
