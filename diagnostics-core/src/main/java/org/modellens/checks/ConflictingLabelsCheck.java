package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;

import org.modellens.data.Column;
import org.modellens.data.Snapshot;
import org.modellens.settings.Settings;

/**
 * conflicting-labels: rows whose inputs are identical (every feature column equal, identifiers and
 * the target left out) but whose labels differ, in each labelled snapshot. No model can get all of
 * them right: the labels are noisy, or a feature that tells them apart is missing. Graded by the share
 * of rows in such conflicting groups; {@code info} when the inputs allow few distinct combinations
 * (product of distinct counts under 10 x rows), where equal inputs are expected by chance.
 */
public final class ConflictingLabelsCheck implements Check {

    public static final String ID = "conflicting-labels";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        String target = context.target().orElse(null);
        if (target == null) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        check(context.train(), "training", target, context.settings(), findings);
        if (context.prod().hasColumn(target)) {
            check(context.prod(), "production", target, context.settings(), findings);
        }
        return findings;
    }

    private void check(Snapshot snapshot, String side, String target, Settings s, List<Finding> findings) {
        Column label = snapshot.column(target).orElseThrow();
        List<Column> inputs = snapshot.columns().stream().filter(c -> !c.name().equals(target) && !c.identifier()).toList();
        if (inputs.isEmpty()) {
            return;
        }
        // Rows grouped by a 64-bit hash of their inputs (column by column, so each column is read in
        // order); members confirmed cell by cell against the group's first row. Primitive arrays and an
        // open-addressing table: no object per row.
        int rows = snapshot.rows();
        long[] hashes = new long[rows];
        java.util.Arrays.fill(hashes, 1125899906842597L);
        for (Column column : inputs) {
            column.mixHashes(hashes);
        }
        int capacity = Integer.highestOneBit(Math.max(2, rows) * 2 - 1) << 1;
        int mask = capacity - 1;
        int[] slots = new int[capacity]; // group + 1, 0 = empty
        int[] first = new int[Math.max(1, rows)];
        int[] size = new int[Math.max(1, rows)];
        int[] other = new int[Math.max(1, rows)]; // first row with another label, or -1
        int groupCount = 0;
        for (int row = 0; row < rows; row++) {
            if (label.isMissing(row)) {
                continue;
            }
            long hash = hashes[row];
            int slot = (int) (hash ^ (hash >>> 32)) * 0x9E3779B1 & mask;
            int group = -1;
            while (slots[slot] != 0) {
                int candidate = slots[slot] - 1;
                if (hashes[first[candidate]] == hash && sameInputs(inputs, first[candidate], row)) {
                    group = candidate;
                    break;
                }
                slot = slot + 1 & mask;
            }
            if (group < 0) {
                first[groupCount] = row;
                size[groupCount] = 1;
                other[groupCount] = -1;
                slots[slot] = ++groupCount;
            } else {
                size[group]++;
                if (other[group] < 0 && !label.sameCell(first[group], row)) {
                    other[group] = row;
                }
            }
        }
        long conflictingRows = 0;
        List<int[]> conflicting = new ArrayList<>();
        for (int group = 0; group < groupCount; group++) {
            if (other[group] >= 0) {
                conflicting.add(new int[] {first[group], size[group], other[group]});
                conflictingRows += size[group];
            }
        }
        long conflictingGroups = conflicting.size();
        if (conflictingGroups == 0) {
            return;
        }
        // The earliest groups, each by its first row and its first row with another label.
        conflicting.sort(java.util.Comparator.comparingInt(g -> g[0]));
        List<Integer> examples = new ArrayList<>();
        for (int[] group : conflicting.subList(0, Math.min(conflicting.size(), AffectedRows.MAX_EXAMPLES / 2))) {
            examples.add(group[0]);
            examples.add(group[2]);
        }
        examples.sort(null);
        List<Integer> fileRows = Rows.of(conflictingRows, examples, snapshot).examples();
        double share = (double) conflictingRows / snapshot.rows();
        boolean chance = possibleDistinctInputs(inputs, snapshot.rows()) < 10.0 * snapshot.rows();
        Severity level = chance ? Severity.INFO
                : share >= s.get("conflictingLabels.share.fail") ? Severity.FAIL
                : share >= s.get("conflictingLabels.share.warn") ? Severity.WARN : Severity.INFO;
        findings.add(new Finding(ID, null, level,
                Judgement.percent(share) + " of " + side + " rows have identical inputs but different " + target,
                conflictingGroups + " groups of " + side + " rows (" + conflictingRows + " rows) agree on every input column but "
                        + "disagree on " + target + (chance ? "; with so few distinct possible inputs, such ties are expected."
                                : ". No model can fit both: the labels are noisy, or a feature that tells these cases apart is missing."),
                new Evidence().put("snapshot", side).put("conflictingGroups", conflictingGroups).put("conflictingRows", conflictingRows)
                        .put("share", share).put("exampleRows", fileRows.subList(0, Math.min(fileRows.size(), AffectedRows.MAX_EXAMPLES)))
                        .map(),
                side.equals("production") ? Rows.of(conflictingRows, examples, snapshot) : null));
    }

    private static boolean sameInputs(List<Column> inputs, int a, int b) {
        for (Column column : inputs) {
            if (!column.sameCell(a, b)) {
                return false;
            }
        }
        return true;
    }

    private static double possibleDistinctInputs(List<Column> inputs, int rows) {
        double product = 1;
        for (Column column : inputs) {
            product *= Math.max(1, column.distinctCells(rows));
            if (product > 1e15) {
                return product;
            }
        }
        return product;
    }
}
