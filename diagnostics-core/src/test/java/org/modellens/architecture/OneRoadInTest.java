package org.modellens.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import org.modellens.data.ProfileReader;
import org.modellens.data.SnapshotLoader;
import org.modellens.profile.format.ProfileFiles;
import org.modellens.profile.format.ProfileFormat;
import org.modellens.profile.format.ProfileSnapshots;

/**
 * One road in (issue 14): every input, a table read whole, a CSV streamed or a profile, is opened by
 * {@link SnapshotLoader} in {@code org.modellens.data}, and the packages that read and summarise data
 * depend on each other one way only. The profile format is built on the data package (column types,
 * type inference, snapshots), so the loader reads profiles through {@link ProfileReader}, an interface
 * it owns and the format implements ({@link ProfileFiles}), rather than by importing the format.
 */
class OneRoadInTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.modellens");

    /** What a {@link ProfileReader} does: recognise a profile, read it. */
    private static final Set<String> READER_METHODS = Arrays.stream(ProfileReader.class.getDeclaredMethods())
            .filter(m -> !Modifier.isStatic(m.getModifiers())).map(Method::getName).collect(Collectors.toSet());

    /** The input and summary packages, each its own slice; the rest of the core is not part of this rule. */
    private static final SliceAssignment INPUT_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String p = javaClass.getPackageName();
            for (String slice : new String[] {"org.modellens.data", "org.modellens.stats", "org.modellens.profile.format"}) {
                if (p.equals(slice) || p.startsWith(slice + ".")) {
                    return SliceIdentifier.of(slice);
                }
            }
            return p.equals("org.modellens.profile") ? SliceIdentifier.of(p) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages org.modellens.data, stats, profile and profile.format";
        }
    };

    private static final ArchRule FREE_OF_CYCLES = slices().assignedFrom(INPUT_PACKAGES).should().beFreeOfCycles()
            .because("the data is read first and summarised after: a summary package the reader imports back "
                    + "could not be changed, tested or reused (the Spark job) without the other");

    private static final ArchRule INPUT_STEP_AT_THE_BOTTOM = classes().that().resideInAPackage("org.modellens.data..")
            .should().onlyDependOnClassesThat(resideOutsideOfPackage("org.modellens..")
                    .or(resideInAPackage("org.modellens.data..")))
            .because("profiles, statistics, checks and reports are built on snapshots; the loader reaches the "
                    + "profile format through ProfileReader, so no cycle can pass through another package either");

    private static final ArchRule ONLY_THE_FORMATS_READER_OPENS_PROFILES = noClasses()
            .that().doNotHaveFullyQualifiedName(ProfileFiles.class.getName())
            .should().callMethod(ProfileFormat.class, "read", Path.class)
            .orShould().callMethod(ProfileFormat.class, "isProfile", Path.class)
            .orShould().callMethodWhere(DescribedPredicate.describe("a method of ProfileSnapshots",
                    (JavaMethodCall call) -> call.getTargetOwner().isEquivalentTo(ProfileSnapshots.class)
                            && !call.getOriginOwner().isEquivalentTo(ProfileSnapshots.class)))
            .because("a profile is one kind of input: ProfileFiles, the format's ProfileReader, opens it and makes "
                    + "its snapshot, for the loader only");

    private static final ArchRule ONLY_THE_LOADER_READS = noClasses()
            .that().doNotHaveFullyQualifiedName(SnapshotLoader.class.getName())
            .should().callMethodWhere(DescribedPredicate.describe("a ProfileReader's method",
                    (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(ProfileReader.class)
                            && READER_METHODS.contains(call.getName())
                            && !call.getOriginOwner().equals(call.getTargetOwner())))
            .because("the loader decides how each input is read (a table whole or streamed, or a profile); "
                    + "a second caller would be a second road in");

    @Test
    void dataAndProfilesAreFreeOfCycles() {
        FREE_OF_CYCLES.check(CORE);
    }

    @Test
    void theInputStepDependsOnNothingBuiltOnIt() {
        INPUT_STEP_AT_THE_BOTTOM.check(CORE);
    }

    @Test
    void profileFilesAreOpenedOnlyByTheFormatsReader() {
        ONLY_THE_FORMATS_READER_OPENS_PROFILES.check(CORE);
    }

    @Test
    void onlyTheLoaderCallsAProfileReader() {
        ONLY_THE_LOADER_READS.check(CORE);
    }

    @Test
    void theRulesCatchASecondRoadIn() {
        // The rules must be able to fail: the core plus one test class in the data package that opens a profile itself.
        JavaClasses withOffender = new ClassFileImporter()
                .withImportOption(location -> !location.contains("/test-classes/") || location.contains("SecondRoadIn"))
                .importPackages("org.modellens");
        assertThat(withOffender.contain("org.modellens.data.SecondRoadIn")).isTrue();
        for (ArchRule rule : List.of(FREE_OF_CYCLES, INPUT_STEP_AT_THE_BOTTOM, ONLY_THE_FORMATS_READER_OPENS_PROFILES,
                ONLY_THE_LOADER_READS)) {
            assertThatThrownBy(() -> rule.check(withOffender)).as(rule.getDescription())
                    .isInstanceOf(AssertionError.class).hasMessageContaining("SecondRoadIn");
        }
    }
}
