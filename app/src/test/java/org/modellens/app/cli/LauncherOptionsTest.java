package org.modellens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every launcher starts the JVM with the same options: bin/modellens (where the reasons are written),
 * bin/modellens.cmd, the installers' two jpackage launchers (the window, and modellens-cli for the
 * command line) and the script that is modellens-cli on Linux. The installers are not built in CI, so
 * this reads their configuration files.
 */
class LauncherOptionsTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void installedLaunchersAndWindowsScriptCarryTheOptionsOfBinModellens() throws IOException {
        String script = read("bin/modellens");
        List<String> window = split(group(script, "(?m)^window_opts=\"([^\"]*)\"$"));
        List<String> cli = split(group(script, "(?m)^cli_opts=\"([^\"]*)\"$"));
        // The reasons measured in README "Performance": serial collector, heap shape, C1 alone for short runs.
        assertThat(window).contains("-XX:+UseSerialGC", "-Xmn16m", "-Xms64m", "-XX:MaxRAMPercentage=50")
                .noneMatch(o -> o.startsWith("-Xmx"));
        assertThat(cli).containsExactly("-XX:TieredStopAtLevel=1", "-XX:Tier3BackEdgeThreshold=6000");

        // The window's launcher: the argument after --java-options in the jpackage call.
        String pom = read("installers/pom.xml");
        assertThat(split(group(pom, "<argument>--java-options</argument>\\s*<argument>([^<]*)</argument>"))).isEqualTo(window);

        Properties properties = new Properties();
        properties.load(new StringReader(read("installers/src/jpackage/modellens-cli.properties")));
        assertThat(split(properties.getProperty("java-options"))).isEqualTo(concat(window, cli));

        // On Linux a script replaces jpackage's modellens-cli launcher (it says why).
        assertThat(split(group(read("installers/src/linux/modellens-cli"), "(?m)^opts=\"([^\"]*)\"$"))).isEqualTo(concat(window, cli));

        String cmd = read("bin/modellens.cmd");
        assertThat(split(group(cmd, "(?m)^set \"opts=(-[^\"]*)\"\\r?$"))).isEqualTo(window);
        assertThat(split(group(cmd, "(?m)^if not \"%~1\"==\"\" set \"opts=%opts% ([^\"]*)\"\\r?$"))).isEqualTo(cli);
    }

    private static String read(String file) throws IOException {
        return Files.readString(ROOT.resolve(file), StandardCharsets.UTF_8);
    }

    private static String group(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as(regex).isTrue();
        String found = matcher.group(1);
        assertThat(matcher.find()).as("only one " + regex).isFalse();
        return found;
    }

    private static List<String> split(String options) {
        return List.of(options.trim().split("\\s+"));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new java.util.ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
