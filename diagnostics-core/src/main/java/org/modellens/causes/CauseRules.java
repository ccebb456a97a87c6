package org.modellens.causes;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.modellens.checks.ConceptDriftCheck;
import org.modellens.checks.ConflictingLabelsCheck;
import org.modellens.checks.ConstantFeatureCheck;
import org.modellens.checks.DatasetDriftCheck;
import org.modellens.checks.DuplicateRowsCheck;
import org.modellens.checks.FeatureDriftCheck;
import org.modellens.checks.Finding;
import org.modellens.checks.InputFormatCheck;
import org.modellens.checks.LabelDriftCheck;
import org.modellens.checks.LeakageCheck;
import org.modellens.checks.MissingValuesCheck;
import org.modellens.checks.NonFiniteValuesCheck;
import org.modellens.checks.OutOfRangeCheck;
import org.modellens.checks.OutliersCheck;
import org.modellens.checks.PerformanceDropCheck;
import org.modellens.checks.PiiCheck;
import org.modellens.checks.PredictionDriftCheck;
import org.modellens.checks.SchemaMismatchCheck;
import org.modellens.checks.Severity;
import org.modellens.checks.TypeMismatchCheck;
import org.modellens.checks.UnitMismatchCheck;
import org.modellens.checks.UnseenCategoryCheck;

/**
 * The rules that link symptoms (findings) to their cause, in the one order they apply. Each rule
 * fires on a finding that names a cause (a unit mismatch, a likely rename, a leak, ...) and claims it
 * together with the findings that this cause explains on the same column; a claimed finding is no
 * longer open to later rules, so every finding ends in exactly one cause. Specific pipeline causes
 * come first, so that, say, the drift of a column that arrives in percent is told as the unit change
 * and not as a covariate shift. Findings about the model as a whole (prediction drift, performance
 * drop, dataset drift) are attached afterwards by {@link CauseGrouping}, where the causes' measured
 * prediction shifts are known.
 */
final class CauseRules {

    static final String RENAMED_COLUMN = "renamed-column";
    static final String MISSING_COLUMN = "missing-column";
    static final String UNIT_CHANGE = "unit-change";
    static final String TEXT_NUMBERS = "text-numbers";
    static final String CONSTANT_IN_TRAINING = "constant-in-training";
    static final String STUCK_IN_PRODUCTION = "stuck-in-production";
    static final String MISSING_VALUES = "missing-values";
    static final String UNSEEN_CATEGORIES = "unseen-categories";
    static final String NON_FINITE_VALUES = "non-finite-values";
    static final String LEAKAGE = "leakage";
    static final String DUPLICATES = "duplicates";
    static final String CONFLICTING_LABELS = "conflicting-labels";
    static final String PERSONAL_DATA = "personal-data";
    static final String LABEL_SHIFT = "label-shift";
    static final String CONCEPT_SHIFT = "concept-shift";
    static final String COVARIATE_SHIFT = "covariate-shift";
    static final String RANGE_SHIFT = "range-shift";
    static final String INPUT_FORMAT = "input-format";
    static final String PREDICTION_SHIFT = "prediction-shift";
    static final String PERFORMANCE_DROP = "performance-drop";

    /** Kinds about the dataset or the outcome rather than input columns: never "a column the model does not use". */
    static final Set<String> DATASET_KINDS = Set.of(DUPLICATES, CONFLICTING_LABELS, LABEL_SHIFT, CONCEPT_SHIFT,
            INPUT_FORMAT, PREDICTION_SHIFT, PERFORMANCE_DROP);

    /** Kinds whose change reaches every production row of their columns, whatever rows their findings list. */
    static final Set<String> WHOLE_COLUMN_KINDS = Set.of(RENAMED_COLUMN, MISSING_COLUMN, COVARIATE_SHIFT,
            STUCK_IN_PRODUCTION, CONSTANT_IN_TRAINING, LABEL_SHIFT);

    /** Kinds that act on the model through the outcome or its output as a whole, whatever columns they name. */
    static final Set<String> MODEL_KINDS = Set.of(LABEL_SHIFT, CONCEPT_SHIFT, PREDICTION_SHIFT, PERFORMANCE_DROP);

    /** What a change of a column's values shows as: the symptoms a column-level cause absorbs. */
    private static final Set<String> VALUE_SYMPTOMS = Set.of(FeatureDriftCheck.ID, OutOfRangeCheck.ID, OutliersCheck.ID);

    private CauseRules() {
    }

    /** A named rule: it claims findings from the pool and drafts causes for them. */
    record Rule(String kind, Consumer<Pool> apply) {
    }

    /** The column-level rules, most specific first. */
    static final List<Rule> COLUMN_RULES = List.of(
            new Rule(RENAMED_COLUMN, CauseRules::renamedColumn),
            new Rule(LEAKAGE, CauseRules::leakage),
            new Rule(MISSING_COLUMN, CauseRules::missingColumn),
            new Rule(UNIT_CHANGE, CauseRules::unitChange),
            new Rule(TEXT_NUMBERS, CauseRules::textNumbers),
            new Rule(CONSTANT_IN_TRAINING, CauseRules::constantInTraining),
            new Rule(STUCK_IN_PRODUCTION, CauseRules::stuckInProduction),
            new Rule(MISSING_VALUES, CauseRules::missingValues),
            new Rule(UNSEEN_CATEGORIES, CauseRules::unseenCategories),
            new Rule(NON_FINITE_VALUES, CauseRules::nonFiniteValues),
            new Rule(PERSONAL_DATA, CauseRules::personalData),
            new Rule(DUPLICATES, CauseRules::duplicates),
            new Rule(CONFLICTING_LABELS, CauseRules::conflictingLabels),
            new Rule(LABEL_SHIFT, CauseRules::labelShift),
            new Rule(CONCEPT_SHIFT, CauseRules::conceptShift),
            new Rule(COVARIATE_SHIFT, CauseRules::covariateShift),
            new Rule(RANGE_SHIFT, CauseRules::rangeShift),
            new Rule(MISSING_COLUMN, CauseRules::modelCannotScore),
            new Rule(TEXT_NUMBERS, CauseRules::unscorableRows),
            new Rule(INPUT_FORMAT, CauseRules::inputFormat));

    /**
     * renamed-column: schema-mismatch naming a likely new name ({@code likelyRenamedTo}). Absorbs every
     * other finding on the old and the new name except a leak and personal data, which are causes of
     * their own whatever the column is called; "predictive in training but absent in production" is no
     * leak when the column arrives under another name.
     */
    static void renamedColumn(Pool pool) {
        for (int i : pool.alarms(SchemaMismatchCheck.ID)) {
            Finding f = pool.finding(i);
            Object to = f.evidence().get("likelyRenamedTo");
            if (!pool.isOpen(i) || f.feature() == null || to == null) {
                continue;
            }
            Draft draft = pool.start(RENAMED_COLUMN, List.of(f.feature(), to.toString()), i);
            for (int j : pool.openOn(draft.features, g -> (!g.check().equals(LeakageCheck.ID) || servingTimeOnly(g))
                    && !g.check().equals(PiiCheck.ID))) {
                pool.claim(draft, j);
            }
        }
    }

    /**
     * leakage: a feature too predictive to be real (or a copy of the target). Its being stuck, missing
     * or shifted in production is how a column filled after the outcome looks before the outcome is
     * known: all on that column belongs to the leak. A feature merely predictive in training and
     * unavailable in production ({@code grounds = servingTime}) is left to the pipeline rules below
     * (missing column, stuck feed, empty feed); only if none explains it is it a leak of its own.
     */
    static void leakage(Pool pool) {
        for (int i : pool.alarms(LeakageCheck.ID)) {
            Finding f = pool.finding(i);
            if (!pool.isOpen(i) || f.feature() == null || servingTimeOnly(f)) {
                continue;
            }
            Draft draft = pool.start(LEAKAGE, List.of(f.feature()), i);
            pool.absorb(draft, Set.of(f.feature()), Set.of(LeakageCheck.ID, ConstantFeatureCheck.ID, FeatureDriftCheck.ID,
                    MissingValuesCheck.ID, SchemaMismatchCheck.ID, ConceptDriftCheck.ID, OutOfRangeCheck.ID, OutliersCheck.ID,
                    UnseenCategoryCheck.ID));
        }
    }

    /** missing-column: a training column production lacks, with no likely new name. */
    static void missingColumn(Pool pool) {
        for (int i : pool.alarms(SchemaMismatchCheck.ID)) {
            Finding f = pool.finding(i);
            if (!pool.isOpen(i) || f.feature() == null || !"training".equals(f.evidence().get("presentIn"))) {
                continue;
            }
            absorbServingTime(pool, pool.start(MISSING_COLUMN, List.of(f.feature()), i), f.feature());
        }
    }

    /**
     * unit-change: the same quantity on another scale (unit-mismatch). The whole column rescaled also
     * shows as drift, values out of range and outliers; some rows rescaled show as values out of range
     * and outliers only (the distribution of the rest is untouched), so a drift beside them stays a
     * covariate shift of its own.
     */
    static void unitChange(Pool pool) {
        for (int i : pool.alarms(UnitMismatchCheck.ID)) {
            Finding f = pool.finding(i);
            if (!pool.isOpen(i) || f.feature() == null) {
                continue;
            }
            Draft draft = pool.start(UNIT_CHANGE, List.of(f.feature()), i);
            boolean wholeColumn = number(f, "share").orElse(0.0) >= 1.0 && f.evidence().get("rows") == null;
            pool.absorb(draft, Set.of(f.feature()), wholeColumn
                    ? Set.of(UnitMismatchCheck.ID, FeatureDriftCheck.ID, OutOfRangeCheck.ID, OutliersCheck.ID)
                    : Set.of(UnitMismatchCheck.ID, OutOfRangeCheck.ID, OutliersCheck.ID));
        }
    }

    /** text-numbers: numbers arriving as text (type-mismatch on a column); the parsed rest may look drifted or missing. */
    static void textNumbers(Pool pool) {
        for (int i : pool.alarms(TypeMismatchCheck.ID)) {
            Finding f = pool.finding(i);
            if (!pool.isOpen(i) || f.feature() == null) {
                continue;
            }
            Draft draft = pool.start(TEXT_NUMBERS, List.of(f.feature()), i);
            pool.absorb(draft, Set.of(f.feature()), Set.of(TypeMismatchCheck.ID, FeatureDriftCheck.ID, MissingValuesCheck.ID));
        }
    }

    /**
     * constant-in-training: a column with one value in training (a constant fill) that varies in
     * production. Every production value besides the fill is "out of range" and the column "drifted",
     * but the real problem is the training column: the model learnt nothing from it.
     */
    static void constantInTraining(Pool pool) {
        for (int i : pool.open(f -> f.check().equals(ConstantFeatureCheck.ID) && f.feature() != null
                && "training".equals(f.evidence().get("constantIn")))) {
            Finding f = pool.finding(i);
            boolean symptoms = !pool.openOn(List.of(f.feature()), g -> VALUE_SYMPTOMS.contains(g.check())
                    && g.severity() != Severity.INFO).isEmpty();
            if (f.severity() == Severity.INFO && !symptoms) {
                continue;
            }
            Draft draft = pool.start(CONSTANT_IN_TRAINING, List.of(f.feature()), i);
            pool.absorb(draft, Set.of(f.feature()), Set.of(FeatureDriftCheck.ID, OutOfRangeCheck.ID, OutliersCheck.ID,
                    UnitMismatchCheck.ID, UnseenCategoryCheck.ID));
        }
    }

    /** stuck-in-production: one value in production where training had several; its drift and new values follow. */
    static void stuckInProduction(Pool pool) {
        for (int i : pool.open(f -> f.check().equals(ConstantFeatureCheck.ID) && f.feature() != null
                && !"training".equals(f.evidence().get("constantIn")))) {
            Finding f = pool.finding(i);
            Draft draft = pool.start(STUCK_IN_PRODUCTION, List.of(f.feature()), i);
            pool.absorb(draft, Set.of(f.feature()), Set.of(FeatureDriftCheck.ID, OutOfRangeCheck.ID, OutliersCheck.ID,
                    UnseenCategoryCheck.ID, MissingValuesCheck.ID));
            absorbServingTime(pool, draft, f.feature());
        }
    }

    /**
     * missing-values: the missing rate jumped. A drift of the same column goes with it: the model's
     * contributions cannot tell the two apart, so its prediction shift is one figure.
     */
    static void missingValues(Pool pool) {
        for (int i : pool.alarms(MissingValuesCheck.ID)) {
            Finding f = pool.finding(i);
            if (!pool.isOpen(i) || f.feature() == null) {
                continue;
            }
            Draft draft = pool.start(MISSING_VALUES, List.of(f.feature()), i);
            pool.absorb(draft, Set.of(f.feature()), Set.of(MissingValuesCheck.ID, FeatureDriftCheck.ID));
            absorbServingTime(pool, draft, f.feature());
        }
    }

    /** unseen-categories: new categories in production; the changed category mix is their share. */
    static void unseenCategories(Pool pool) {
        for (int i : pool.alarms(UnseenCategoryCheck.ID)) {
            Finding f = pool.finding(i);
            if (!pool.isOpen(i) || f.feature() == null) {
                continue;
            }
            Draft draft = pool.start(UNSEEN_CATEGORIES, List.of(f.feature()), i);
            pool.absorb(draft, Set.of(f.feature()), Set.of(UnseenCategoryCheck.ID, FeatureDriftCheck.ID));
        }
    }

    /** non-finite-values: NaN or infinity arriving as values. */
    static void nonFiniteValues(Pool pool) {
        for (int i : pool.alarms(NonFiniteValuesCheck.ID)) {
            if (pool.isOpen(i)) {
                pool.start(NON_FINITE_VALUES, featureList(pool.finding(i)), i);
            }
        }
    }

    /** personal-data: a column of e-mails, phones, cards...; one cause per column. */
    static void personalData(Pool pool) {
        for (int i : pool.alarms(PiiCheck.ID)) {
            if (pool.isOpen(i)) {
                pool.start(PERSONAL_DATA, featureList(pool.finding(i)), i);
            }
        }
    }

    /** duplicates: rows loaded twice, one cause per snapshot. */
    static void duplicates(Pool pool) {
        for (int i : pool.alarms(DuplicateRowsCheck.ID)) {
            pool.start(DUPLICATES, List.of(), i);
        }
    }

    /** conflicting-labels: identical inputs with different outcomes. */
    static void conflictingLabels(Pool pool) {
        for (int i : pool.alarms(ConflictingLabelsCheck.ID)) {
            pool.start(CONFLICTING_LABELS, List.of(), i);
        }
    }

    /** label-shift: the outcome's distribution changed; one cause for the target. */
    static void labelShift(Pool pool) {
        List<Integer> found = pool.alarms(LabelDriftCheck.ID);
        if (found.isEmpty()) {
            return;
        }
        Draft draft = pool.start(LABEL_SHIFT, featureList(pool.finding(found.get(0))), found.get(0));
        found.subList(1, found.size()).forEach(i -> pool.claim(draft, i));
    }

    /**
     * concept-shift: the outcome for the same inputs changed. A cause of the dataset, not of the column
     * that names its worst segment: the segment says where it shows most, the inputs did not change,
     * and the model's output did not move because of it (its title names the segment).
     */
    static void conceptShift(Pool pool) {
        List<Integer> found = pool.alarms(ConceptDriftCheck.ID);
        if (found.isEmpty()) {
            return;
        }
        Draft draft = pool.start(CONCEPT_SHIFT, List.of(), found.get(0));
        found.subList(1, found.size()).forEach(i -> pool.claim(draft, i));
    }

    /**
     * covariate-shift: a column whose distribution moved with no pipeline cause found above, one cause
     * per column so that each can be ranked by what it costs; its values beyond the training range
     * and its outliers are the tail of the same move.
     */
    static void covariateShift(Pool pool) {
        for (int i : pool.alarms(FeatureDriftCheck.ID)) {
            Finding f = pool.finding(i);
            if (!pool.isOpen(i) || f.feature() == null) {
                continue;
            }
            Draft draft = pool.start(COVARIATE_SHIFT, List.of(f.feature()), i);
            pool.absorb(draft, Set.of(f.feature()), VALUE_SYMPTOMS);
        }
    }

    /** range-shift: values beyond the training range (or far beyond it) while the bulk did not move. */
    static void rangeShift(Pool pool) {
        for (int i : pool.open(f -> (f.check().equals(OutOfRangeCheck.ID) || f.check().equals(OutliersCheck.ID))
                && f.feature() != null && f.severity() != Severity.INFO)) {
            if (!pool.isOpen(i)) {
                continue;
            }
            Finding f = pool.finding(i);
            Draft draft = pool.start(RANGE_SHIFT, List.of(f.feature()), i);
            pool.absorb(draft, Set.of(f.feature()), VALUE_SYMPTOMS);
        }
    }

    /**
     * The model cannot score a snapshot because some of its features are absent (schema-mismatch for
     * the whole dataset): the symptom of the cause that took the first of them away, or a
     * missing-column cause naming them all.
     */
    static void modelCannotScore(Pool pool) {
        for (int i : pool.open(f -> f.check().equals(SchemaMismatchCheck.ID) && f.feature() == null)) {
            Finding f = pool.finding(i);
            List<String> names = f.evidence().get("missingFeatures") == null ? List.of()
                    : List.of(f.evidence().get("missingFeatures").toString().split(",\\s*"));
            Draft owner = names.stream().map(pool::owner).filter(d -> d != null).findFirst().orElse(null);
            if (owner != null) {
                pool.claim(owner, i);
            } else if (f.severity() != Severity.INFO) {
                pool.start(MISSING_COLUMN, names, i);
            }
        }
    }

    /**
     * Rows the model cannot score because an input holds text (type-mismatch for the whole dataset):
     * a symptom of the text-numbers cause touching the most rows.
     */
    static void unscorableRows(Pool pool) {
        for (int i : pool.open(f -> f.check().equals(TypeMismatchCheck.ID) && f.feature() == null)) {
            Finding f = pool.finding(i);
            Optional<Draft> owner = pool.drafts.stream().filter(d -> d.kind.equals(TEXT_NUMBERS))
                    .max(Comparator.comparingLong(d -> rows(pool, d)));
            if (owner.isPresent()) {
                pool.claim(owner.get(), i);
            } else if (f.severity() != Severity.INFO) {
                pool.start(TEXT_NUMBERS, List.of(), i);
            }
        }
    }

    /** input-format: a request or file problem the analysis worked around; one cause each. */
    static void inputFormat(Pool pool) {
        for (int i : pool.alarms(InputFormatCheck.ID)) {
            pool.start(INPUT_FORMAT, featureList(pool.finding(i)), i);
        }
    }

    /** A leakage finding grounded only on the column being unavailable in production, not on being too good. */
    static boolean servingTimeOnly(Finding f) {
        return f.check().equals(LeakageCheck.ID) && "servingTime".equals(f.evidence().get("grounds"));
    }

    private static void absorbServingTime(Pool pool, Draft draft, String column) {
        for (int j : pool.openOn(List.of(column), CauseRules::servingTimeOnly)) {
            pool.claim(draft, j);
        }
    }

    /** The kind of a cause made of a single finding no rule claimed. */
    static String kindOf(String check) {
        return Map.ofEntries(
                Map.entry(FeatureDriftCheck.ID, COVARIATE_SHIFT), Map.entry(DatasetDriftCheck.ID, COVARIATE_SHIFT),
                Map.entry(LabelDriftCheck.ID, LABEL_SHIFT), Map.entry(ConceptDriftCheck.ID, CONCEPT_SHIFT),
                Map.entry(PredictionDriftCheck.ID, PREDICTION_SHIFT), Map.entry(PerformanceDropCheck.ID, PERFORMANCE_DROP),
                Map.entry(LeakageCheck.ID, LEAKAGE), Map.entry(SchemaMismatchCheck.ID, MISSING_COLUMN),
                Map.entry(TypeMismatchCheck.ID, TEXT_NUMBERS), Map.entry(UnitMismatchCheck.ID, UNIT_CHANGE),
                Map.entry(OutOfRangeCheck.ID, RANGE_SHIFT), Map.entry(OutliersCheck.ID, RANGE_SHIFT),
                Map.entry(UnseenCategoryCheck.ID, UNSEEN_CATEGORIES), Map.entry(MissingValuesCheck.ID, MISSING_VALUES),
                Map.entry(DuplicateRowsCheck.ID, DUPLICATES), Map.entry(ConstantFeatureCheck.ID, STUCK_IN_PRODUCTION),
                Map.entry(PiiCheck.ID, PERSONAL_DATA), Map.entry(ConflictingLabelsCheck.ID, CONFLICTING_LABELS),
                Map.entry(NonFiniteValuesCheck.ID, NON_FINITE_VALUES), Map.entry(InputFormatCheck.ID, INPUT_FORMAT))
                .getOrDefault(check, check);
    }

    /** Production rows a draft's findings touch: the most any of them names. */
    static long rows(Pool pool, Draft draft) {
        return draft.findings.stream().map(pool::finding).filter(f -> f.rows() != null)
                .mapToLong(f -> f.rows().count()).max().orElse(0);
    }

    static Optional<Double> number(Finding f, String key) {
        return f.evidence().get(key) instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    private static List<String> featureList(Finding f) {
        return f.feature() == null ? List.of() : List.of(f.feature());
    }
}
