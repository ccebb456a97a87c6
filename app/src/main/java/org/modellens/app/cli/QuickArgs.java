package org.modellens.app.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plain, valid command line of long options the way picocli reads it, without loading picocli.
 *
 * <p>Why: picocli 4.7 is compiled for Java 5, so the JVM can keep none of its classes in the
 * application class-data archive and verifies them with the old verifier on every start, and building
 * its model from the annotations spins proxies and method handles: about 0.1 s of a 0.7 s
 * {@code diagnose} run. A command line that a user or a CI job types without a mistake needs none of it.
 *
 * <p>Only the unambiguous subset is read here: {@code --name value} and {@code --name=value} of the
 * given options, each single-valued option at most once, list options split at commas. Anything else
 * gives {@code null} and picocli reads the line as before, so help, version, usage errors and their
 * exit codes stay picocli's, word for word: an unknown or repeated option, a missing or empty value,
 * a value that looks like an option (starts with {@code -}, other than {@code -} itself), an
 * {@code @file} argument, quotes, an empty list element, {@code --}. {@code QuickArgsTest} holds the
 * result equal to picocli's on every line this accepts.
 */
final class QuickArgs {

    private QuickArgs() {
    }

    /**
     * The values of each option given, in the order given (one value for a single-valued option), or
     * {@code null} when the line is not in the subset read here.
     */
    static Map<String, List<String>> parse(String[] args, Set<String> single, Set<String> lists) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else {
                if (i + 1 >= args.length) {
                    return null;
                }
                value = args[++i];
            }
            boolean isList = lists.contains(name);
            if (!isList && !single.contains(name) || !plain(value)) {
                return null;
            }
            List<String> given = values.computeIfAbsent(name, n -> new ArrayList<>());
            if (!isList) {
                if (!given.isEmpty()) {
                    return null;
                }
                given.add(value);
                continue;
            }
            // picocli's split="," on a value without quotes: String.split, here with no empty element.
            if (value.startsWith(",") || value.endsWith(",") || value.contains(",,")) {
                return null;
            }
            given.addAll(List.of(value.split(",")));
        }
        return values;
    }

    /** A value picocli takes as it is: not empty, no option look-alike, no argument file, no quotes. */
    private static boolean plain(String value) {
        return !value.isEmpty() && (!value.startsWith("-") || value.equals("-")) && !value.startsWith("@")
                && value.indexOf('"') < 0 && value.indexOf('\'') < 0;
    }
}
