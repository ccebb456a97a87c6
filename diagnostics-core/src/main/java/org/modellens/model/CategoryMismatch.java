package org.modellens.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.data.Snapshot;

/**
 * A categorical model input that the data does not fit: the model would otherwise be fed a code it
 * was not trained on without anyone noticing.
 *
 * @param side     training or production
 * @param feature  the model input
 * @param kind     what does not fit
 * @param rows     the rows affected (0-based data rows)
 * @param examples up to five offending values as they appear in the data (or, for
 *                 {@link Kind#MORE_CODES_THAN_LABELS}, the model's largest code and the label count)
 */
public record CategoryMismatch(String side, String feature, Kind kind, List<Integer> rows, List<String> examples) {

    public enum Kind {
        /** Labels the model has no code for: it reads those cells as missing, as pandas does. */
        UNSEEN_LABEL,
        /** The model knows text labels but the column holds numbers: every such cell is read as missing. */
        NUMBERS_FOR_LABELS,
        /** A column given as codes holds values that are no category code (negative or fractional). */
        NOT_CODES,
        /**
         * The model splits on codes beyond the labels of the training data its codes were derived from:
         * it was trained on categories the training file lacks, so the codes may not be the model's.
         */
        MORE_CODES_THAN_LABELS
    }

    public CategoryMismatch {
        rows = List.copyOf(rows);
        examples = List.copyOf(examples);
    }

    /**
     * The mismatches of one snapshot.
     *
     * @param derived inputs whose labels were taken from the training data rather than the model file
     */
    public static List<CategoryMismatch> of(Model model, Snapshot snapshot, String side, Set<Integer> derived) {
        List<CategoryMismatch> found = new ArrayList<>();
        Map<Integer, List<String>> levels = model.categoryLevels();
        for (int j : model.categoricalInputs()) {
            String name = model.features().get(j);
            Column column = snapshot.column(name).orElse(null);
            if (column == null) {
                continue; // absent inputs are a schema mismatch of their own
            }
            List<String> labels = levels.get(j);
            if (labels != null) {
                labelled(column, labels, side, name, found);
                if (derived.contains(j) && model instanceof TreeEnsemble ensemble && "training".equals(side)) {
                    int max = maxCode(ensemble, j);
                    if (max >= labels.size()) {
                        found.add(new CategoryMismatch(side, name, Kind.MORE_CODES_THAN_LABELS, List.of(),
                                List.of(String.valueOf(max), String.valueOf(labels.size()))));
                    }
                }
            } else if (column.type() == ColumnType.NUMERIC) {
                double[] numbers = column.numbers();
                List<Integer> rows = new ArrayList<>();
                Set<String> examples = new LinkedHashSet<>();
                for (int i = 0; i < numbers.length; i++) {
                    double v = numbers[i];
                    if (!Double.isNaN(v) && (v < 0 || v != Math.rint(v) || v >= 16_777_216)) {
                        rows.add(i);
                        if (examples.size() < 5) {
                            examples.add(column.text(i));
                        }
                    }
                }
                if (!rows.isEmpty()) {
                    found.add(new CategoryMismatch(side, name, Kind.NOT_CODES, rows, List.copyOf(examples)));
                }
            }
        }
        return found;
    }

    private static void labelled(Column column, List<String> labels, String side, String name, List<CategoryMismatch> found) {
        Set<String> known = new java.util.HashSet<>(labels);
        boolean numericLabels = labels.stream().allMatch(CategoryMismatch::isNumber);
        Map<Double, Boolean> knownNumbers = new HashMap<>();
        for (String label : labels) {
            if (isNumber(label)) {
                knownNumbers.put(Double.parseDouble(label.strip()), true);
            }
        }
        boolean numbersForLabels = column.type() == ColumnType.NUMERIC && !numericLabels;
        List<Integer> rows = new ArrayList<>();
        Set<String> examples = new LinkedHashSet<>();
        for (int i = 0; i < column.size(); i++) {
            String text = column.text(i);
            if (text == null) {
                continue;
            }
            String label = text.strip();
            boolean fits = known.contains(label) || (isNumber(label) && knownNumbers.containsKey(Double.parseDouble(label)));
            if (!fits) {
                rows.add(i);
                if (examples.size() < 5) {
                    examples.add(label);
                }
            }
        }
        if (!rows.isEmpty()) {
            found.add(new CategoryMismatch(side, name, numbersForLabels ? Kind.NUMBERS_FOR_LABELS : Kind.UNSEEN_LABEL, rows,
                    List.copyOf(examples)));
        }
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.strip());
            return !text.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The largest category code any split of the ensemble tests for input {@code j}; -1 when none. */
    static int maxCode(TreeEnsemble ensemble, int j) {
        int max = -1;
        for (int node = 0; node < ensemble.nodeCount(); node++) {
            if (!ensemble.isLeaf(node) && ensemble.splitFeature(node) == j) {
                for (int code : ensemble.categories(node)) {
                    max = Math.max(max, code);
                }
            }
        }
        return max;
    }
}
