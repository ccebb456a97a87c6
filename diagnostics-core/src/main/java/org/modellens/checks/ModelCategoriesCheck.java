package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;

import org.modellens.model.CategoryMismatch;
import org.modellens.model.ModelRun;

/**
 * The model's categorical inputs against the data (see {@link CategoryMismatch}): a label the model
 * has no code for is read as missing, as pandas reads a category outside the model's list
 * ({@code unseen-category}: {@code warn}, {@code fail} from {@code model.unscorable.share.fail} of the
 * rows on); a column of numbers where the model knows text labels, or values that are no category
 * code, mean the column no longer carries what the model was trained on ({@code type-mismatch},
 * {@code fail}); codes taken from a training file that lacks categories the model splits on may not
 * be the model's ({@code unseen-category}, {@code warn}).
 */
public final class ModelCategoriesCheck implements ModelCheck {

    @Override
    public String id() {
        return UnseenCategoryCheck.ID;
    }

    @Override
    public List<Finding> run(ModelRun model, CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        for (CategoryMismatch m : model.categoryMismatches()) {
            long total = ("training".equals(m.side()) ? context.train() : context.prod()).rows();
            double share = total == 0 ? 0 : (double) m.rows().size() / total;
            AffectedRows rows = "production".equals(m.side())
                    ? Rows.matching(new java.util.HashSet<>(m.rows())::contains, context.prod()) : null;
            String examples = String.join("', '", m.examples());
            Evidence evidence = new Evidence().put("side", m.side()).put("rows", (long) m.rows().size()).put("share", share);
            switch (m.kind()) {
                case UNSEEN_LABEL -> findings.add(new Finding(UnseenCategoryCheck.ID, m.feature(),
                        share >= context.settings().get("model.unscorable.share.fail") ? Severity.FAIL : Severity.WARN,
                        m.rows().size() + " " + m.side() + " rows of " + m.feature() + " hold categories the model never saw",
                        "The model has a code for each category it was trained on; '" + examples + "' " + (m.examples().size() > 1
                                ? "are" : "is") + " not among them, so the model reads these cells as missing, as pandas "
                                + "does with a category outside the model's list. Their scores are the model's answer for an "
                                + "unknown " + m.feature() + ".",
                        evidence.put("examples", examples).map(), rows));
                case NUMBERS_FOR_LABELS -> findings.add(new Finding(UnscorableRowsCheck.ID, m.feature(), Severity.FAIL,
                        m.feature() + " arrives as numbers in " + m.side() + ", but the model reads it as named categories",
                        "The model was trained on labels of " + m.feature() + "; the " + m.side() + " column holds numbers ('"
                                + examples + "'), perhaps codes from another encoder. None of them is a label the model knows, "
                                + "so " + m.rows().size() + " rows are read as missing: map the codes back to their labels.",
                        evidence.put("examples", examples).map(), rows));
                case NOT_CODES -> findings.add(new Finding(UnscorableRowsCheck.ID, m.feature(), Severity.FAIL,
                        m.feature() + " holds values that are no category code in " + m.side(),
                        "The model splits on " + m.feature() + " as category codes (whole numbers from 0); values such as '"
                                + examples + "' are none, so the model's decision for them is arbitrary.",
                        evidence.put("examples", examples).map(), rows));
                case MORE_CODES_THAN_LABELS -> findings.add(new Finding(UnseenCategoryCheck.ID, m.feature(), Severity.WARN,
                        "The model knows more categories of " + m.feature() + " than the training data holds",
                        "The model file stores no labels for " + m.feature() + ", so ModelLens codes it as pandas does, by "
                                + "the sorted categories of the training data; but the model splits on code " + m.examples().get(0)
                                + " while the training data has only " + m.examples().get(1) + " categories. The model was "
                                + "trained on other data, and its codes may not match these: give the training data it saw.",
                        evidence.put("largestModelCode", Long.parseLong(m.examples().get(0)))
                                .put("trainingCategories", Long.parseLong(m.examples().get(1))).map(), null));
                default -> throw new IllegalStateException(m.kind().toString());
            }
        }
        return findings;
    }
}
