package org.modellens.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@link DiagnoseCommand#readQuickly} against picocli, the oracle: every command line it accepts,
 * picocli accepts too, and both leave every option field the same; the lines users type are accepted.
 */
class QuickArgsTest {

    private static final Set<String> HELP_AND_VERSION = Set.of("-h", "--help", "-V", "--version");

    @Test
    void knowsExactlyPicocliOptionsWithTheirArity() {
        List<OptionSpec> options = new CommandLine(new DiagnoseCommand()).getCommandSpec().options().stream()
                .filter(o -> o.names().length > 0 && !HELP_AND_VERSION.contains(o.longestName()))
                .collect(Collectors.toList());
        assertThat(new TreeSet<>(DiagnoseCommand.QUICK_SINGLE)).isEqualTo(options.stream().filter(o -> !o.isMultiValue())
                .map(OptionSpec::longestName).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(new TreeSet<>(DiagnoseCommand.QUICK_LISTS)).isEqualTo(options.stream().filter(OptionSpec::isMultiValue)
                .map(OptionSpec::longestName).collect(Collectors.toCollection(TreeSet::new)));
        // One name each: an alias would be an option QuickArgs does not know.
        assertThat(options).allSatisfy(o -> assertThat(o.names()).hasSize(1));
    }

    @Test
    void linesUsersTypeAreReadQuicklyAndAsPicocliReadsThem() throws Exception {
        List<List<String>> lines = List.of(
                List.of("--train", "train.csv", "--prod", "prod.csv"),
                List.of("--train", "/tmp/bench0/small/train.csv", "--prod", "/tmp/bench0/small/prod.csv", "--target", "y",
                        "--json", "/tmp/x.json", "--fail-on", "never"),
                List.of("--train=sample-data/train.csv", "--prod=sample-data/prod.csv", "--target=default",
                        "--model=sample-data/model.json", "--json", "-", "--xlsx", "r.xlsx", "--pdf", "r.pdf"),
                List.of("--train", "t.csv", "--prod", "p.csv", "--reference", "r.csv", "--time-column", "application_date",
                        "--chunk", "week", "--categorical", "a,b", "--categorical", "c", "--numeric", "zip",
                        "--model-features", "f1,f2,f3", "--explain-rows", "0-99", "--explain-classes", "all", "--task", "binary",
                        "--compare-to", "old.json", "--settings", "s.properties", "--fail-on", "warn"));
        for (List<String> line : lines) {
            String[] args = line.toArray(String[]::new);
            DiagnoseCommand quick = new DiagnoseCommand();
            assertThat(quick.readQuickly(args)).as(String.join(" ", line)).isTrue();
            assertSameOptions(quick, picocli(args), line);
        }
    }

    @Test
    void everyRandomLineReadQuicklyIsReadTheSameByPicocli() throws Exception {
        List<String> names = new ArrayList<>(DiagnoseCommand.QUICK_SINGLE);
        names.addAll(DiagnoseCommand.QUICK_LISTS);
        names.sort(null);
        names.addAll(List.of("--help", "-h", "-V", "--version", "--Train", "--trai", "--unknown", "-x", "--", "x", "@args.txt"));
        String[] values = {"a.csv", "dir/b.csv", "-", "", "a,b", "a,b,c", "a,,b", ",a", "a,", "\"a,b\"", "'q'", "-1", "--prod",
            "@f", "x=y", "NA", "ü.csv", "a b", "bad\0path", "never", "warn", "binary", "auto", "10", "all", "=", "a=b,c"};
        Random random = new Random(20261130);
        int accepted = 0;
        for (int n = 0; n < 4_000; n++) {
            List<String> line = new ArrayList<>();
            // Mostly well-formed lines with both required options, so that many are accepted.
            if (random.nextInt(4) > 0) {
                line.addAll(List.of("--train", "t.csv", "--prod", "p.csv"));
            }
            int tokens = random.nextInt(7);
            for (int t = 0; t < tokens; t++) {
                String name = names.get(random.nextInt(names.size()));
                String value = values[random.nextInt(values.length)];
                switch (random.nextInt(6)) {
                    case 0 -> line.add(name + "=" + value);
                    case 1 -> line.add(name);
                    case 2 -> line.add(value);
                    default -> line.addAll(List.of(name, value));
                }
            }
            if (random.nextInt(3) == 0) {
                java.util.Collections.shuffle(line, random);
            }
            String[] args = line.toArray(String[]::new);
            DiagnoseCommand quick = new DiagnoseCommand();
            if (!quick.readQuickly(args)) {
                continue;
            }
            accepted++;
            assertSameOptions(quick, picocli(args), line);
        }
        assertThat(accepted).as("lines read quickly").isGreaterThan(400);
    }

    /** The command as picocli fills it, failing the test (with the line) when picocli refuses the line. */
    private static DiagnoseCommand picocli(String[] args) {
        DiagnoseCommand command = new DiagnoseCommand();
        CommandLine.ParseResult result;
        try {
            result = new CommandLine(command).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError("read quickly, refused by picocli: " + List.of(args) + ": " + e.getMessage(), e);
        }
        assertThat(result.isUsageHelpRequested() || result.isVersionHelpRequested()).isFalse();
        return command;
    }

    private static void assertSameOptions(DiagnoseCommand quick, DiagnoseCommand picocli, List<String> line)
            throws IllegalAccessException {
        for (Field field : DiagnoseCommand.class.getDeclaredFields()) {
            if (field.isAnnotationPresent(CommandLine.Option.class)) {
                field.setAccessible(true);
                assertThat(field.get(quick)).as(field.getName() + " from " + line).isEqualTo(field.get(picocli));
            }
        }
    }
}
