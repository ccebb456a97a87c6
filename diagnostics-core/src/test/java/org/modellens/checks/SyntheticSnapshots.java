package org.modellens.checks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.data.Snapshot;
import org.modellens.data.SourceInfo;

/**
 * Draws snapshots from one fixed mixed distribution (24 columns: light and heavy tails, ties, skew,
 * small and large category sets, booleans, missing values), so tests can compare two independent
 * draws (no change: nothing may alarm) or plant one change in production (it must alarm).
 */
final class SyntheticSnapshots {

    static final String[] CATEGORIES_5 = {"north", "south", "east", "west", "central"};

    /** One planted change applied to the production draw. */
    interface Plant {
        void apply(String column, double[] numbers, String[] labels, SplittableRandom random);
    }

    record Spec(String name, ColumnType type, double missingRate) {
    }

    static final List<Spec> SPECS = List.of(
            new Spec("normal", ColumnType.NUMERIC, 0.0),
            new Spec("normal_missing", ColumnType.NUMERIC, 0.01),
            new Spec("lognormal", ColumnType.NUMERIC, 0.0),
            new Spec("student_t2", ColumnType.NUMERIC, 0.0),
            new Spec("cauchy", ColumnType.NUMERIC, 0.0),
            new Spec("pareto", ColumnType.NUMERIC, 0.0),
            new Spec("exponential", ColumnType.NUMERIC, 0.05),
            new Spec("uniform", ColumnType.NUMERIC, 0.0),
            new Spec("integer_ties", ColumnType.NUMERIC, 0.0),
            new Spec("poisson_counts", ColumnType.NUMERIC, 0.0),
            new Spec("bimodal", ColumnType.NUMERIC, 0.0),
            new Spec("zero_inflated", ColumnType.NUMERIC, 0.1),
            new Spec("age_years", ColumnType.NUMERIC, 0.0),
            new Spec("income", ColumnType.NUMERIC, 0.02),
            new Spec("rounded_price", ColumnType.NUMERIC, 0.0),
            new Spec("category_5", ColumnType.CATEGORICAL, 0.0),
            new Spec("category_5_missing", ColumnType.CATEGORICAL, 0.01),
            new Spec("zipf_50", ColumnType.CATEGORICAL, 0.0),
            new Spec("zipf_1000", ColumnType.CATEGORICAL, 0.0),
            new Spec("rare_tail_5000", ColumnType.CATEGORICAL, 0.0),
            new Spec("skewed_binary", ColumnType.BOOLEAN, 0.0),
            new Spec("balanced_binary", ColumnType.BOOLEAN, 0.0),
            new Spec("category_3", ColumnType.CATEGORICAL, 0.3),
            new Spec("percent_0_100", ColumnType.NUMERIC, 0.0));

    private SyntheticSnapshots() {
    }

    static Snapshot draw(String side, int rows, long seed, String plantedColumn, Plant plant) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Column> columns = new ArrayList<>();
        for (Spec spec : SPECS) {
            SplittableRandom columnRandom = random.split();
            if (spec.type() == ColumnType.NUMERIC) {
                double[] numbers = new double[rows];
                for (int i = 0; i < rows; i++) {
                    numbers[i] = numeric(spec.name(), columnRandom);
                }
                applyMissing(numbers, null, spec.missingRate(), columnRandom);
                if (spec.name().equals(plantedColumn)) {
                    plant.apply(spec.name(), numbers, null, columnRandom);
                }
                columns.add(numericColumn(spec.name(), numbers));
            } else {
                String[] labels = new String[rows];
                for (int i = 0; i < rows; i++) {
                    labels[i] = label(spec.name(), columnRandom);
                }
                applyMissing(null, labels, spec.missingRate(), columnRandom);
                if (spec.name().equals(plantedColumn)) {
                    plant.apply(spec.name(), null, labels, columnRandom);
                }
                columns.add(new Column(spec.name(), spec.type(), false, labels, null, 0));
            }
        }
        return new Snapshot(new SourceInfo(Path.of(side + ".csv"), "csv", "0"), rows, columns);
    }

    static Column numericColumn(String name, double[] numbers) {
        String[] text = new String[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            text[i] = Double.isNaN(numbers[i]) ? null : Double.toString(numbers[i]);
        }
        return new Column(name, ColumnType.NUMERIC, false, text, numbers, 0);
    }

    private static void applyMissing(double[] numbers, String[] labels, double rate, SplittableRandom random) {
        if (rate <= 0) {
            return;
        }
        int rows = numbers != null ? numbers.length : labels.length;
        for (int i = 0; i < rows; i++) {
            if (random.nextDouble() < rate) {
                if (numbers != null) {
                    numbers[i] = Double.NaN;
                } else {
                    labels[i] = null;
                }
            }
        }
    }

    static double normal(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static double numeric(String name, SplittableRandom r) {
        switch (name) {
            case "normal", "normal_missing": return 10 + 2 * normal(r);
            case "lognormal": return Math.exp(1 + normal(r));
            case "student_t2": {
                double z = normal(r);
                double chi = normal(r) * normal(r) + normal(r) * normal(r);
                return z / Math.sqrt(chi / 2);
            }
            case "cauchy": return Math.tan(Math.PI * (r.nextDouble() - 0.5));
            case "pareto": return 1 / Math.pow(1 - r.nextDouble(), 1.0 / 1.2);
            case "exponential": return -Math.log1p(-r.nextDouble()) * 3;
            case "uniform": return r.nextDouble() * 100;
            case "integer_ties": return r.nextInt(10);
            case "poisson_counts": {
                int k = 0;
                double p = Math.exp(-2.5);
                double s = p;
                double u = r.nextDouble();
                while (u > s) {
                    k++;
                    p *= 2.5 / k;
                    s += p;
                }
                return k;
            }
            case "bimodal": return r.nextDouble() < 0.3 ? -5 + normal(r) : 5 + 2 * normal(r);
            case "zero_inflated": return r.nextDouble() < 0.6 ? 0 : Math.exp(2 + normal(r));
            case "age_years": return Math.max(18, Math.min(90, Math.round(40 + 12 * normal(r))));
            case "income": return Math.round(Math.exp(10.5 + 0.7 * normal(r)));
            case "rounded_price": return Math.round((20 + 5 * normal(r)) * 100) / 100.0;
            case "percent_0_100": return Math.round(100 * Math.max(0, Math.min(1, 0.5 + 0.2 * normal(r))));
            default: throw new IllegalArgumentException(name);
        }
    }

    private static String label(String name, SplittableRandom r) {
        switch (name) {
            case "category_5", "category_5_missing": {
                double u = r.nextDouble();
                return u < 0.4 ? "north" : u < 0.65 ? "south" : u < 0.85 ? "east" : u < 0.95 ? "west" : "central";
            }
            case "zipf_50": return "z" + zipf(r, 50);
            case "zipf_1000": return "c" + zipf(r, 1000);
            case "rare_tail_5000": return r.nextDouble() < 0.5 ? "common" : "r" + r.nextInt(5000);
            case "skewed_binary": return r.nextDouble() < 0.08 ? "1" : "0";
            case "balanced_binary": return r.nextBoolean() ? "true" : "false";
            case "category_3": return new String[] {"a", "b", "c"}[r.nextInt(3)];
            default: throw new IllegalArgumentException(name);
        }
    }

    private static int zipf(SplittableRandom r, int n) {
        // Inverse of the continuous approximation of a Zipf(1) law over 1..n.
        return (int) Math.min(n, Math.floor(Math.exp(r.nextDouble() * Math.log(n + 1))));
    }
}
