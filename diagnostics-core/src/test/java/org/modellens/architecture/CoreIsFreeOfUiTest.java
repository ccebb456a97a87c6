package org.modellens.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

/**
 * The core computes; only the app shows. User files are data, never code. These rules keep it that
 * way: the UI rule over the core, the deserialization rules over every module's classes (the
 * sibling modules' {@code target/classes} when they are built, and their sources always, since in a
 * fresh reactor build the core's tests run before the app is compiled).
 */
class CoreIsFreeOfUiTest {

    private static final String NO_DESERIALIZATION = "user files (snapshots, models, projects, settings) are data; "
            + "Java or XML object deserialization of them would run code hidden in a file (gadget chains), "
            + "so every loader reads a declarative format (CSV, Parquet, XLSX, JSON, ONNX protobuf) instead";

    /** Types whose use means object deserialization: the JDK's own, and the usual libraries for it. */
    private static final String[] DESERIALIZING_TYPES = {
        "java.io.ObjectInputStream", "java.io.ObjectInput", "java.beans.XMLDecoder",
        "java.rmi.MarshalledObject", "javax.management.loading.MLet",
        "org.apache.commons.lang3.SerializationUtils", "org.apache.commons.lang.SerializationUtils",
        "org.springframework.util.SerializationUtils",
    };

    /** Packages of object-graph serializers that instantiate classes named in the input. */
    private static final String[] DESERIALIZING_PACKAGES = {
        "com.thoughtworks.xstream..", "com.esotericsoftware.kryo..", "org.nustaq.serialization..",
        "com.caucho.hessian..", "org.apache.commons.collections.functors..",
    };

    /** The same, as they appear in source text; {@code ObjectInputFilter} is allowed (it restricts). */
    private static final Pattern DESERIALIZING_SOURCE = Pattern.compile(
            "\\b(ObjectInputStream|ObjectInput|XMLDecoder|MarshalledObject|SerializationUtils|XStream|Kryo)\\b"
                    + "|\\.(readObject|readUnshared)\\s*\\("
                    + "|\\b(enableDefaultTyping|activateDefaultTyping|activateDefaultTypingAsProperty)\\b"
                    + "|JsonTypeInfo\\.Id\\.(CLASS|MINIMAL_CLASS)");

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
    void noModuleDeserializesJavaObjects() {
        JavaClasses all = allModules();
        noClasses().should().dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream")
                .orShould().dependOnClassesThat(DescribedPredicate.describe("a deserializing type",
                        (JavaClass c) -> List.of(DESERIALIZING_TYPES).contains(c.getName())))
                .orShould().dependOnClassesThat().resideInAnyPackage(DESERIALIZING_PACKAGES)
                .because(NO_DESERIALIZATION)
                .check(all);
    }

    @Test
    void noModuleCallsReadObjectOrTurnsOnPolymorphicJson() {
        noClasses().should(callMethodNamed("readObject", "readUnshared", "readExternal",
                        "enableDefaultTyping", "activateDefaultTyping", "activateDefaultTypingAsProperty"))
                .because(NO_DESERIALIZATION + "; Jackson's default typing instantiates classes named in the JSON")
                .check(allModules());
    }

    @Test
    void noModuleSourceMentionsDeserialization() throws IOException {
        List<String> offences = new ArrayList<>();
        List<Path> sources = mainSourceRoots();
        assertThat(sources).as("main source folders of the modules").isNotEmpty()
                .anyMatch(p -> p.toString().contains("diagnostics-core"));
        for (Path root : sources) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        String code = lines.get(i).replaceAll("//.*$", "");
                        Matcher m = DESERIALIZING_SOURCE.matcher(code);
                        if (m.find()) {
                            offences.add(file + ":" + (i + 1) + ": " + m.group());
                        }
                    }
                }
            }
        }
        assertThat(offences).as(NO_DESERIALIZATION).isEmpty();
    }

    @Test
    void theScannersCatchWhatTheyLookFor() {
        // The rules must be able to fail: a class that deserializes is reported by both scans.
        JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses().should()
                        .dependOnClassesThat().haveFullyQualifiedName("java.io.ObjectInputStream").check(offender))
                .isInstanceOf(AssertionError.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> noClasses().should(callMethodNamed("readObject"))
                .check(offender)).isInstanceOf(AssertionError.class);
        assertThat(DESERIALIZING_SOURCE.matcher("try (ObjectInputStream in = new ObjectInputStream(s)) {").find()).isTrue();
        assertThat(DESERIALIZING_SOURCE.matcher("Object o = in.readObject();").find()).isTrue();
        assertThat(DESERIALIZING_SOURCE.matcher("mapper.activateDefaultTyping(v);").find()).isTrue();
        assertThat(DESERIALIZING_SOURCE.matcher("ObjectInputFilter filter = ...;").find()).isFalse();
    }

    /** A deliberate offender, for {@link #theScannersCatchWhatTheyLookFor()} only. */
    static final class Offender {
        Object load(java.io.InputStream in) throws IOException, ClassNotFoundException {
            return new java.io.ObjectInputStream(in).readObject();
        }
    }

    private static ArchCondition<JavaClass> callMethodNamed(String... names) {
        List<String> forbidden = List.of(names);
        return new ArchCondition<>("call a method named " + forbidden) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                // Stated positively ("calls"): noClasses() inverts each event, so a call found fails the rule.
                boolean calls = false;
                for (JavaMethodCall call : item.getMethodCallsFromSelf()) {
                    if (forbidden.contains(call.getName())) {
                        calls = true;
                        events.add(SimpleConditionEvent.satisfied(item, call.getDescription()));
                    }
                }
                if (!calls) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " calls none of " + forbidden));
                }
            }
        };
    }

    /** The core's classes plus every sibling module's compiled main classes that exist. */
    private static JavaClasses allModules() {
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        List<Path> locations = new ArrayList<>();
        locations.add(Path.of("target/classes"));
        for (Path module : modules()) {
            Path classes = module.resolve("target/classes");
            if (Files.isDirectory(classes)) {
                locations.add(classes);
            }
        }
        return importer.importPaths(locations);
    }

    private static List<Path> mainSourceRoots() {
        return modules().stream().map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList();
    }

    /** Module folders: the siblings of this module that hold a pom.xml (tests run in diagnostics-core). */
    private static List<Path> modules() {
        Path root = Path.of("").toAbsolutePath().getParent();
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("pom.xml"))).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
