package io.nasql.shell.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of DESIGN §1 and §8, held by the compiled classes of every module. */
class LayersTest {
    private static final String MAIN = "io.nasql.shell.Main";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        // jOOQ's generated code is never edited, and its tables, keys and schema refer to each other by design.
        ImportOption notGenerated = location -> !location.contains("/io/nasql/db/generated/");
        // db's test helpers (the PostgreSQL harness) come as a test jar, which DO_NOT_INCLUDE_TESTS does not recognise.
        ImportOption notTestJar = location -> !location.contains("-tests.jar");
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(notGenerated)
                .withImportOption(notTestJar)
                .importPackages("io.nasql");
    }

    @Test
    void dbDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("io.nasql.db..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nasql.sync..", "io.nasql.shell..", "io.nasql.emulator..")
                .check(classes);
    }

    @Test
    void syncDependsOnlyOnDb() {
        noClasses().that().resideInAPackage("io.nasql.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nasql.shell..", "io.nasql.emulator..")
                .check(classes);
    }

    @Test
    void emulatorDependsOnNoNasqlModule() {
        noClasses().that().resideInAPackage("io.nasql.emulator..")
                .should().dependOnClassesThat().resideInAnyPackage("io.nasql.db..", "io.nasql.sync..", "io.nasql.shell..")
                .check(classes);
    }

    @Test
    void outputDependsOnNothingElseInTheShell() {
        noClasses().that().resideInAPackage("io.nasql.shell.output..")
                .should().dependOnClassesThat(resideInAPackage("io.nasql.shell..").and(not(resideInAPackage("io.nasql.shell.output.."))))
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.nasql.(**)").should().beFreeOfCycles().check(classes);
    }

    /** The rules that keep the standard streams, the process's file descriptors and its exit to {@code Main}. */
    private static List<ArchRule> onlyMainRules() {
        List<ArchRule> rules = new java.util.ArrayList<>();
        for (String stream : List.of("in", "out", "err")) {
            rules.add(noClasses().that().doNotHaveFullyQualifiedName(MAIN).should().accessField(System.class, stream));
            rules.add(noClasses().that().doNotHaveFullyQualifiedName(MAIN).should().accessField(java.io.FileDescriptor.class, stream));
        }
        rules.add(noClasses().that().doNotHaveFullyQualifiedName(MAIN).should().callMethod(System.class, "exit", int.class));
        rules.add(noClasses().that().doNotHaveFullyQualifiedName(MAIN).should().callMethod(System.class, "console"));
        rules.add(noClasses().that().doNotHaveFullyQualifiedName(MAIN).should().callMethod(System.class, "setIn", java.io.InputStream.class));
        rules.add(noClasses().that().doNotHaveFullyQualifiedName(MAIN).should().callMethod(System.class, "setOut", java.io.PrintStream.class));
        rules.add(noClasses().that().doNotHaveFullyQualifiedName(MAIN).should().callMethod(System.class, "setErr", java.io.PrintStream.class));
        rules.add(noClasses().that().doNotHaveFullyQualifiedName(MAIN).should().callMethod(Runtime.class, "exit", int.class));
        rules.add(noClasses().that().doNotHaveFullyQualifiedName(MAIN).should().callMethod(Runtime.class, "halt", int.class));
        return rules;
    }

    @Test
    void onlyMainTouchesTheStandardStreamsAndExit() {
        onlyMainRules().forEach(rule -> rule.check(classes));
    }

    /** Each way out that the review found unguarded, written where a rule must catch it. */
    @SuppressWarnings("unused")
    static final class Offender {
        void halt() {
            Runtime.getRuntime().halt(1);
        }

        void exit() {
            Runtime.getRuntime().exit(1);
        }

        void redirect() {
            System.setOut(null);
            System.setErr(null);
            System.setIn(null);
        }

        Object descriptor() {
            return java.io.FileDescriptor.out;
        }
    }

    @Test
    void theRulesCatchRuntimeExitHaltStreamRedirectsAndFileDescriptors() {
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);
        long caught = onlyMainRules().stream().filter(rule -> rule.evaluate(offender).hasViolation()).count();
        assertThat(caught).isEqualTo(6);
    }

    @Test
    void noMainSourceFileIsOver300Lines() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> tooLong;
        try (Stream<Path> files = Files.walk(root)) {
            tooLong = files.filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/java/"))
                    .filter(p -> lines(p) > 300)
                    .map(p -> root.relativize(p) + " (" + lines(p) + " lines)")
                    .toList();
        }
        assertThat(tooLong).isEmpty();
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
