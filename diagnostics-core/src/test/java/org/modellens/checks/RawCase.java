package org.modellens.checks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.modellens.Diagnosis;
import org.modellens.ProgressListener;
import org.modellens.data.ColumnType;
import org.modellens.data.RawTable;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotBuilder;
import org.modellens.data.SourceInfo;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/**
 * A training and a production table given as cell text, diagnosed the way {@code Diagnosis.run} does
 * after reading files: types and identifiers inferred on training and applied to both.
 */
final class RawCase {

    private final Map<String, String[]> train = new LinkedHashMap<>();
    private final Map<String, String[]> prod = new LinkedHashMap<>();
    private String target;

    RawCase train(String name, String[] cells) {
        train.put(name, cells);
        return this;
    }

    RawCase prod(String name, String[] cells) {
        prod.put(name, cells);
        return this;
    }

    RawCase both(String name, String[] trainCells, String[] prodCells) {
        return train(name, trainCells).prod(name, prodCells);
    }

    RawCase target(String name) {
        target = name;
        return this;
    }

    DiagnosticReport diagnose() {
        RawTable trainRaw = table("train.csv", train);
        RawTable prodRaw = table("prod.csv", prod);
        Map<String, ColumnType> types = SnapshotBuilder.inferTypes(trainRaw, Set.of(), Set.of());
        Set<String> ids = new java.util.HashSet<>(SnapshotBuilder.inferIdentifiers(trainRaw, types));
        ids.remove(target);
        Snapshot trainSnapshot = SnapshotBuilder.build(trainRaw, types, ids);
        Snapshot prodSnapshot = SnapshotBuilder.build(prodRaw, types, ids);
        return Diagnosis.analyse(trainSnapshot, prodSnapshot, target, null, Settings.defaults(), List.of(), ProgressListener.NONE);
    }

    List<Finding> findings(String check) {
        return diagnose().findings().stream().filter(f -> f.check().equals(check)).collect(Collectors.toList());
    }

    private static RawTable table(String file, Map<String, String[]> columns) {
        int rows = columns.values().iterator().next().length;
        return new RawTable(new SourceInfo(Path.of(file), "csv", "0"), new ArrayList<>(columns.keySet()),
                new ArrayList<>(columns.values()), rows);
    }

    static String[] cells(int rows, IntFunction<String> cell) {
        String[] out = new String[rows];
        for (int i = 0; i < rows; i++) {
            out[i] = cell.apply(i);
        }
        return out;
    }

    /** Normal numbers with two decimals. */
    static String[] normal(int rows, long seed, double mean, double sd) {
        SplittableRandom random = new SplittableRandom(seed);
        return cells(rows, i -> String.format(java.util.Locale.ROOT, "%.2f", mean + sd * SyntheticSnapshots.normal(random)));
    }
}
