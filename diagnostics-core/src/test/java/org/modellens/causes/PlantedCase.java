package org.modellens.causes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.data.UnreadableInputException;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/**
 * A seeded loan-like table in which a test plants one problem in production (or in training), written
 * as CSV and diagnosed without a model: the ground truth of the cause rules.
 *
 * <p>Columns: amount (log-normal dollars), rate (a fraction 0.05-0.30), score (normal, 600 +- 80),
 * grade (A-D), channel (web, branch, phone), fee (0, 49 or 95), label (0/1, likelier for low scores).
 */
final class PlantedCase {

    static final int ROWS = 3000;

    /** The table of one side: a header and rows of cells, which a test may change. */
    static final class Table {
        final List<String> header;
        final List<String[]> rows;

        Table(List<String> header, List<String[]> rows) {
            this.header = new ArrayList<>(header);
            this.rows = rows;
        }

        int column(String name) {
            int index = header.indexOf(name);
            if (index < 0) {
                throw new IllegalArgumentException(name);
            }
            return index;
        }

        /** Sets a cell of every row from its row index and current value. */
        void set(String name, CellRule rule) {
            int c = column(name);
            for (int i = 0; i < rows.size(); i++) {
                rows.get(i)[c] = rule.value(i, rows.get(i)[c]);
            }
        }

        /** Adds a column filled row by row. */
        void add(String name, CellRule rule) {
            header.add(name);
            for (int i = 0; i < rows.size(); i++) {
                String[] row = java.util.Arrays.copyOf(rows.get(i), header.size());
                row[header.size() - 1] = rule.value(i, null);
                rows.set(i, row);
            }
        }

        void rename(String from, String to) {
            header.set(column(from), to);
        }

        Path write(Path file) throws IOException {
            List<String> lines = new ArrayList<>();
            lines.add(String.join(",", header));
            for (String[] row : rows) {
                lines.add(String.join(",", row));
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        }
    }

    /** The value of one cell. */
    @FunctionalInterface
    interface CellRule {
        String value(int row, String current);
    }

    private PlantedCase() {
    }

    /** One draw of the table; the label follows a logistic model of the score. */
    static Table draw(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> data = new ArrayList<>();
        String[] grades = {"A", "B", "C", "D"};
        String[] channels = {"web", "branch", "phone"};
        String[] fees = {"0", "49", "95"};
        for (int i = 0; i < rows; i++) {
            double score = 600 + 80 * random.nextGaussian();
            double p = 1 / (1 + Math.exp(-(-2.0 + (600 - score) / 50)));
            data.add(new String[] {
                format("%.2f", Math.exp(8 + 0.5 * random.nextGaussian())),
                format("%.4f", 0.05 + 0.25 * Math.pow(random.nextDouble(), 1.5)),
                format("%.0f", score),
                grades[Math.min(3, (int) Math.floor(random.nextDouble() * random.nextDouble() * 5))],
                channels[random.nextInt(3)],
                fees[random.nextInt(3)],
                random.nextDouble() < p ? "1" : "0"});
        }
        return new Table(List.of("amount", "rate", "score", "grade", "channel", "fee", "label"), data);
    }

    /** Draws both sides (different seeds, same distribution), lets the test plant, diagnoses with target label. */
    static DiagnosticReport diagnose(Path dir, Consumer<Table> plantInTraining, Consumer<Table> plantInProduction) {
        try {
            Table train = draw(ROWS, 11);
            Table prod = draw(ROWS, 12);
            plantInTraining.accept(train);
            plantInProduction.accept(prod);
            Path trainFile = train.write(dir.resolve("train.csv"));
            Path prodFile = prod.write(dir.resolve("prod.csv"));
            return Diagnosis.run(new DiagnosisRequest(trainFile, prodFile, "label", "auto", Set.of(), Set.of(),
                    Settings.defaults()), ProgressListener.NONE);
        } catch (IOException | UnreadableInputException e) {
            throw new IllegalStateException(e);
        }
    }

    static DiagnosticReport diagnose(Path dir, Consumer<Table> plantInProduction) {
        return diagnose(dir, t -> { }, plantInProduction);
    }

    static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    /** A seeded coin for row-by-row plants. */
    static java.util.function.IntPredicate share(double share, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] chosen = new boolean[ROWS * 2];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = random.nextDouble() < share;
        }
        return row -> chosen[row];
    }
}
