package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;

import org.modellens.data.Snapshot;
import org.modellens.model.FeatureMatrix;
import org.modellens.model.ModelRun;

/**
 * schema-mismatch for the model: a snapshot that lacks any of the model's input features cannot be
 * scored at all, so the model's outputs on that side are missing ({@code fail}, dataset-level, naming
 * every absent feature). The column-level findings of {@link SchemaMismatchCheck} still appear; the
 * data checks run as usual.
 */
public final class ModelFeaturesCheck implements ModelCheck {

    @Override
    public String id() {
        return SchemaMismatchCheck.ID;
    }

    @Override
    public List<Finding> run(ModelRun model, CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        check(model, context.train(), "training", findings);
        check(model, context.prod(), "production", findings);
        return findings;
    }

    private static void check(ModelRun model, Snapshot snapshot, String side, List<Finding> findings) {
        List<String> absent = FeatureMatrix.absentFeatures(snapshot, model.features());
        if (absent.isEmpty()) {
            return;
        }
        String names = String.join(", ", absent);
        findings.add(new Finding(SchemaMismatchCheck.ID, null, Severity.FAIL,
                "The model cannot score " + side + ": " + absent.size() + " of its features are missing",
                "The " + model.type() + " model takes " + model.features().size() + " features; the " + side + " file "
                        + snapshot.source().fileName() + " lacks " + names + ". No " + side
                        + " row can be scored, so model outputs and explanations for " + side + " are left out.",
                new Evidence().put("missingFeatures", names).put("missingCount", (long) absent.size())
                        .put("modelFeatures", (long) model.features().size()).put("side", side).map(), null));
    }
}
