package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;

import org.modellens.model.ModelRun;
import org.modellens.model.Predictions;

/**
 * type-mismatch for the model: rows whose model inputs hold text that is no number (say "1,200" in a
 * numeric column) get no score rather than a guess. Any such production row is {@code warn}; from
 * {@code model.unscorable.share.fail} of the rows on, {@code fail}. The model's columns with such
 * values are flagged column by column by the data checks as well.
 */
public final class UnscorableRowsCheck implements ModelCheck {

    public static final String ID = "type-mismatch";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(ModelRun model, CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        judge(model.train(), "training", context.train(), context, findings);
        judge(model.prod(), "production", context.prod(), context, findings);
        return findings;
    }

    private static void judge(Predictions predictions, String side, org.modellens.data.Snapshot snapshot, CheckContext context,
                              List<Finding> findings) {
        if (predictions == null) {
            return;
        }
        double[] score = predictions.score();
        // A NaN the model made itself (a NaN leaf) is the model's fault: model-output reports it.
        AffectedRows rows = Rows.matching(i -> Double.isNaN(score[i]) && !predictions.modelFault(i), snapshot);
        if (rows.count() == 0) {
            return;
        }
        double share = (double) rows.count() / score.length;
        Severity severity = share >= context.settings().get("model.unscorable.share.fail") ? Severity.FAIL : Severity.WARN;
        findings.add(new Finding(ID, null, severity,
                rows.count() + " " + side + " rows cannot be scored: a model input holds text that is no number",
                "The model needs numbers; in these rows at least one of its input columns holds other text. They get no "
                        + "score and no explanation instead of a guess.",
                new Evidence().put("side", side).put("unscorableRows", rows.count()).put("share", share).map(),
                "production".equals(side) ? rows : null));
    }
}
