package org.modellens.report;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.io.FileOutputStream;
import java.nio.file.Files;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.modellens.data.AtomicFiles;

/**
 * One road out for reports (issue 18.7): the writers are made only by the {@link ReportFormats} registry
 * that the command line and the workbench share, and neither the report writers nor the project store
 * open a file themselves: what they write goes through {@link AtomicFiles} (temporary file, then rename).
 */
class OneRoadOutTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.modellens");

    @Test
    void onlyTheRegistryMakesReportWriters() {
        noClasses().that().doNotHaveFullyQualifiedName(ReportFormats.class.getName())
                .and().doNotHaveFullyQualifiedName(ReportFormats.class.getName() + "$1")
                .should().callConstructorWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a report writer's constructor",
                        (com.tngtech.archunit.core.domain.JavaConstructorCall call) -> call.getTargetOwner().isAssignableTo(ReportWriter.class)
                                // A writer's constructor delegating to its own other constructor makes nothing new.
                                && !call.getOriginOwner().equals(call.getTargetOwner())))
                .because("the command line and the workbench find every format, and its writer, in one registry")
                .check(CORE);
    }

    @Test
    void reportsAndProjectsReachTheDiskOnlyThroughAtomicFiles() {
        noClasses().that().resideInAnyPackage("org.modellens.report..", "org.modellens.project..")
                .should().callMethod(Files.class, "newOutputStream", java.nio.file.Path.class, java.nio.file.OpenOption[].class)
                .orShould().callMethod(Files.class, "write", java.nio.file.Path.class, byte[].class, java.nio.file.OpenOption[].class)
                .orShould().callMethod(Files.class, "writeString", java.nio.file.Path.class, CharSequence.class,
                        java.nio.file.OpenOption[].class)
                .orShould().callConstructor(FileOutputStream.class, java.io.File.class)
                .orShould().callConstructor(FileOutputStream.class, String.class)
                .because("a report or project is written whole or not at all: AtomicFiles writes a temporary file and renames it")
                .check(CORE);
    }
}
