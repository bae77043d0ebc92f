package io.nasql.shell.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(notGenerated)
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
    void outputDependsOnNothingElseInTheShell() {
        noClasses().that().resideInAPackage("io.nasql.shell.output..")
                .should().dependOnClassesThat(resideInAPackage("io.nasql.shell..").and(not(resideInAPackage("io.nasql.shell.output.."))))
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.nasql.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyMainTouchesTheStandardStreamsAndExit() {
        for (String stream : List.of("in", "out", "err")) {
            noClasses().that().doNotHaveFullyQualifiedName(MAIN).should().accessField(System.class, stream).check(classes);
        }
        noClasses().that().doNotHaveFullyQualifiedName(MAIN).should().callMethod(System.class, "exit", int.class).check(classes);
        noClasses().that().doNotHaveFullyQualifiedName(MAIN).should().callMethod(System.class, "console").check(classes);
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
