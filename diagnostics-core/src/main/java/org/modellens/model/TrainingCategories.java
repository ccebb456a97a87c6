package org.modellens.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.data.Snapshot;

/**
 * The codes of categorical inputs whose labels the model file does not store (XGBoost before 3.1,
 * LightGBM without {@code pandas_categorical}): the library was given codes, and the usual way to
 * make them is pandas' {@code astype("category")}, whose code of a label is its position among the
 * sorted distinct labels of the training data. So a text column of the training snapshot gives the
 * model those labels, sorted by code point as Python sorts strings; production text then takes the
 * training code of its label ({@link FeatureMatrix#of(Snapshot, Model)}).
 *
 * <p>A numeric training column is taken to hold the codes themselves (data given to the library as
 * numbers with the feature marked categorical), and is left alone.
 */
public final class TrainingCategories {

    private TrainingCategories() {
    }

    /** The model with labels, from the training snapshot, for each categorical input the file leaves unlabelled. */
    public static Model apply(Model model, Snapshot train) {
        Map<Integer, List<String>> levels = new HashMap<>(model.categoryLevels());
        boolean added = false;
        for (int j : model.categoricalInputs()) {
            if (levels.containsKey(j)) {
                continue;
            }
            Column column = train.column(model.features().get(j)).orElse(null);
            if (column == null || column.type() == ColumnType.NUMERIC || column.codes() == null) {
                continue;
            }
            levels.put(j, sortedLabels(column));
            added = true;
        }
        return added ? model.withCategoryLevels(levels) : model;
    }

    /** The distinct labels present in a dictionary-encoded column, sorted by Unicode code point. */
    static List<String> sortedLabels(Column column) {
        boolean[] present = new boolean[column.categoryCount()];
        for (int code : column.codes()) {
            if (code != Column.MISSING) {
                present[code] = true;
            }
        }
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < present.length; k++) {
            if (present[k]) {
                labels.add(column.category(k));
            }
        }
        labels.sort(TrainingCategories::compareCodePoints);
        return labels;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
