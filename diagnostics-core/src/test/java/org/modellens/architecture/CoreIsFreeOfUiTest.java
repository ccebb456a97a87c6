package org.modellens.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core computes; only the app shows. These rules keep it that way. */
class CoreIsFreeOfUiTest {

    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.modellens");

    @Test
    void coreUsesNoUiToolkit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
                .because("the core must run headless in CI gates and feed the UI, JSON, Excel and PDF alike")
                .check(core);
    }

    @Test
    void coreDeserializesNoJavaObjects() {
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
                .because("user files are data; Java deserialization of them would run code hidden in a file")
                .check(core);
    }
}
