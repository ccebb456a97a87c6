package org.modellens.causes;

import java.util.Arrays;
import java.util.List;

import org.modellens.data.Column;
import org.modellens.data.Snapshot;
import org.modellens.data.TypeInference;
import org.modellens.model.FeatureMatrix;
import org.modellens.model.Model;
import org.modellens.model.Predictions;

/**
 * A snapshot's model inputs as a production pipeline would hand them to the model: row-major in model
 * order, a value that is no plain number (text such as "1,200") as missing, and an input the snapshot
 * lacks as missing in every row. That is what XGBoost and LightGBM do with a value they cannot read, and
 * it lets every row be scored, so the performance figures of production as received and of its repaired
 * copies are over the same rows. (The report's model section scores only rows it can read: the two can
 * differ where a model input arrives as text or is absent.)
 */
final class ServedInputs {

    private ServedInputs() {
    }

    /** Row-major inputs of every row of {@code snapshot}, {@code NaN} for missing, unreadable or absent. */
    static double[] of(Snapshot snapshot, List<String> features) {
        int n = snapshot.rows();
        int p = features.size();
        double[] values = new double[n * p];
        for (int j = 0; j < p; j++) {
            Column column = snapshot.column(features.get(j)).orElse(null);
            for (int i = 0; i < n; i++) {
                values[i * p + j] = column == null ? Double.NaN : number(column, i);
            }
        }
        return values;
    }

    /** The cell as a plain number, {@code NaN} when missing or not a plain number. */
    static double number(Column column, int row) {
        if (column.isNumeric()) {
            // A numeric column keeps the text of exactly the cells that are no plain number.
            double v = column.numbers()[row];
            return column.keptText(row) != null || !Double.isFinite(v) ? Double.NaN : v;
        }
        String text = column.text(row);
        if (text == null) {
            return Double.NaN;
        }
        double v = TypeInference.parseNumber(text);
        return Double.isFinite(v) ? v : Double.NaN;
    }

    /** Scores row-major inputs with every row scorable. */
    static Predictions score(Model model, double[] values, int columns) {
        return model.predict(new FeatureMatrix(values.length / columns, columns, values));
    }

    static double[] copy(double[] values) {
        return Arrays.copyOf(values, values.length);
    }
}
