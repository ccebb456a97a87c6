package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.modellens.model.ModelRun;
import org.modellens.model.Predictions;

/**
 * model-output: faults of the model itself, never blamed on the data.
 * <ul>
 *   <li>The model file holds values that make outputs non-finite (a leaf of NaN or Infinity, a base
 *       score at the link's bound), or rows with number inputs get a non-finite output: {@code fail},
 *       naming the trees and leaves.</li>
 *   <li>The model is degenerate: it gives every training row (or, without training scores, every
 *       production row) the same output, so it cannot tell rows apart: {@code fail}.</li>
 * </ul>
 */
public final class ModelOutputCheck implements ModelCheck {

    public static final String ID = "model-output";
    /** Fewer rows than this say too little about a model to call it constant. */
    private static final int MIN_ROWS = 10;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ModelRun model, CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        Predictions prod = model.prod();
        int faultyRows = prod == null ? 0 : prod.modelFaults().cardinality();
        int faultyTrainRows = model.train() == null ? 0 : model.train().modelFaults().cardinality();
        if (!model.defects().isEmpty() || faultyRows > 0 || faultyTrainRows > 0) {
            String where = model.defects().isEmpty() ? "" : ": " + String.join("; ", model.defects());
            String title = faultyRows > 0
                    ? "The model itself outputs no usable number for " + faultyRows + " production rows" + where
                    : "The model file holds values that make its outputs non-finite" + where;
            findings.add(new Finding(ID, null, Severity.FAIL, title,
                    "These rows' inputs are numbers; the non-finite output comes from the model file (" + model.type()
                            + "), not from the data. Re-export or retrain the model; until then its scores for these rows "
                            + "are not usable.",
                    new Evidence().put("productionRows", faultyRows).put("trainingRows", faultyTrainRows)
                            .put("defects", String.join("; ", model.defects())).map(),
                    prod == null || faultyRows == 0 ? null : Rows.matching(prod::modelFault, context.prod())));
        }
        Predictions judged = model.train() != null ? model.train() : prod;
        String side = model.train() != null ? "training" : "production";
        double constant = constantOutput(judged);
        if (!Double.isNaN(constant)) {
            findings.add(new Finding(ID, null, Severity.FAIL,
                    "The model gives every " + side + " row the same output (" + format(constant) + "): it cannot tell rows apart",
                    "A model whose output never changes carries no information: every decision it makes is the same. "
                            + (model.defects().isEmpty() ? "Its trees do not separate the rows."
                            : "The model file says why: " + String.join("; ", model.defects()) + "."),
                    new Evidence().put("side", side).put("output", constant).put("rows", judged.rows()).map(), null));
        }
        return findings;
    }

    /** The one output every scored row gets, or NaN when the outputs differ or are too few to tell. */
    private static double constantOutput(Predictions predictions) {
        if (predictions == null) {
            return Double.NaN;
        }
        double[] score = predictions.score();
        double first = Double.NaN;
        int scored = 0;
        for (double s : score) {
            if (Double.isNaN(s)) {
                continue;
            }
            if (scored++ == 0) {
                first = s;
            } else if (s != first) {
                return Double.NaN;
            }
        }
        return scored >= MIN_ROWS ? first : Double.NaN;
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.6g", v);
    }
}
