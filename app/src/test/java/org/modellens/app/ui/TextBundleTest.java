package org.modellens.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.modellens.app.ui.start.TypeChoice;
import org.modellens.checks.Severity;

/** Every text the workbench asks for is in the bundle, and every bundle text formats. */
class TextBundleTest {

    private static final Pattern LITERAL_KEY = Pattern.compile("Text\\.(?:get|find)\\(\"([^\"]+)\"\\s*[,)]");

    @Test
    void everyLiteralKeyInTheWorkbenchSourcesExists() throws IOException {
        List<String> missing = new ArrayList<>();
        int found = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/org/modellens/app/ui"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher matcher = LITERAL_KEY.matcher(Files.readString(source));
                while (matcher.find()) {
                    found++;
                    if (!Text.bundle().containsKey(matcher.group(1))) {
                        missing.add(source.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyBuiltAtRunTimeExists() {
        List<String> keys = new ArrayList<>();
        for (ViewId id : ViewId.values()) {
            keys.add(id.textKey());
            keys.add(id.textKey() + ".help");
        }
        for (Severity severity : Severity.values()) {
            keys.add("overview.count." + severity.jsonName());
            keys.add("overview.count." + severity.jsonName() + ".help");
        }
        for (String verdict : List.of("pass", "warn", "fail")) {
            keys.add("overview.verdict." + verdict);
        }
        for (TypeChoice choice : TypeChoice.values()) {
            keys.add(choice.textKey());
        }
        for (String extension : List.of("png", "svg")) {
            keys.add("chart.filter." + extension);
        }
        for (ExportFormat format : ExportFormat.values()) {
            keys.add("menu.file.export." + format.name().toLowerCase(Locale.ROOT));
        }
        for (String stat : List.of("ks", "ksPValue", "psi", "wasserstein", "wassersteinRelative", "standardizedMeanDifference",
                "totalVariation", "totalVariationPooled", "jensenShannon", "cramersV", "chiSquare", "chiSquarePValue")) {
            keys.add("stat." + stat);
            keys.add("stat.label." + stat);
        }
        assertThat(keys).allSatisfy(key -> assertThat(Text.bundle().containsKey(key)).as(key).isTrue());
    }

    @Test
    void everyWorkbenchTextFormatsAndShowsNoDoubledApostrophe() {
        for (String key : Text.bundle().keySet()) {
            if (key.startsWith("cli.")) {
                continue;
            }
            String text = Text.get(key, 1, 2, 3, 4);
            assertThat(text).as(key).doesNotContain("''");
        }
    }
}
