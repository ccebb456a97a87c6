package org.modellens.checks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.modellens.data.Column;
import org.modellens.data.FormattedNumber;
import org.modellens.data.TypeInference;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.FeatureRole;
import org.modellens.settings.Settings;
import org.modellens.stats.Proportions;

/**
 * type-mismatch: a numeric training column whose production values arrive as text ("1,200", "$95",
 * "250 USD", "0,15", "N/A"). Graded by the share of production rows that are not plain numbers in
 * excess of the training share; the two-proportion z-test is the gate. The finding counts each kind
 * of formatting and quotes examples; the values {@link FormattedNumber} recovers already feed the
 * drift statistics, so drift is still measured on them.
 */
public final class TypeMismatchCheck implements Check {

    public static final String ID = "type-mismatch";

    private static final int EXAMPLES = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        Settings s = context.settings();
        for (FeatureComparison feature : context.comparisons()) {
            Column prod = feature.prod();
            if (prod == null || !feature.train().isNumeric() || feature.role() == FeatureRole.ID || prod.unparsableCount() == 0
                    || feature.train().size() == 0) {
                continue;
            }
            Column train = feature.train();
            // "NaN"/"Inf" text is the non-finite-values check's: count only the other text here.
            long trainText = train.unparsableCount() - NonFiniteValuesCheck.count(train);
            long prodText = prod.unparsableCount() - NonFiniteValuesCheck.count(prod);
            if (prodText <= 0) {
                continue;
            }
            double trainShare = (double) trainText / Math.max(1, train.size());
            double prodShare = (double) prodText / Math.max(1, prod.size());
            double excess = prodShare - trainShare;
            double pValue = Proportions.twoProportionPValue(prodText, prod.size(), trainText, train.size());
            Judgement.grade(pValue < context.alpha(), excess, s.get("typeMismatch.share.warn"), s.get("typeMismatch.share.fail"))
                    .ifPresent(level -> findings.add(finding(context, feature, prod, level, trainShare, prodShare, pValue, prodText)));
        }
        return findings;
    }

    private static Finding finding(CheckContext context, FeatureComparison feature, Column prod, Severity level, double trainShare, double prodShare,
                                   double pValue, long count) {
        Map<FormattedNumber.Kind, Long> kinds = new EnumMap<>(FormattedNumber.Kind.class);
        Set<String> examples = new LinkedHashSet<>();
        boolean[] textual = new boolean[prod.size()];
        long recovered = 0;
        // A numeric column keeps the text of exactly its cells that are not plain numbers.
        int[] rows = prod.isNumeric() ? prod.keptTextRows() : java.util.stream.IntStream.range(0, prod.size()).toArray();
        for (int row : rows) {
            String cell = prod.keptText(row);
            if (cell == null || !Double.isNaN(TypeInference.parseNumber(cell)) || TypeInference.isNonFiniteWord(cell)) {
                continue;
            }
            textual[row] = true;
            FormattedNumber.Recovered value = FormattedNumber.recover(cell);
            FormattedNumber.Kind kind = value == null ? FormattedNumber.Kind.OTHER : value.kind();
            kinds.merge(kind, 1L, Long::sum);
            // Read as a number is what the column holds: a unit is taken only where the column has one.
            if (prod.isNumeric() ? !Double.isNaN(prod.numbers()[row]) : value != null && !Double.isNaN(value.value())) {
                recovered++;
            }
            if (examples.size() < EXAMPLES) {
                examples.add(cell);
            }
        }
        String name = feature.name();
        String kindList = kinds.entrySet().stream().map(e -> e.getKey().description() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        Evidence evidence = new Evidence().put("prodShare", prodShare).put("trainShare", trainShare).put("textRows", count)
                .put("recovered", recovered).put("pValue", pValue);
        kinds.forEach((kind, n) -> evidence.put(kind.key(), (long) n));
        evidence.put("examples", List.copyOf(examples));
        return new Finding(ID, name, level,
                name + ": " + Judgement.percent(prodShare) + " of production values arrive as text, not numbers",
                count + " production values of the numeric column " + name + " are not plain numbers (" + kindList
                        + "), against " + Judgement.percent(trainShare) + " in training; examples: " + String.join(" | ", examples)
                        + ". A model fed the raw column sees them as missing or fails on them. ModelLens read " + recovered
                        + " of them as numbers, so drift is still measured on them; fix the export or parsing step upstream.",
                evidence.map(), Rows.matching(row -> textual[row], context.prod()));
    }
}
