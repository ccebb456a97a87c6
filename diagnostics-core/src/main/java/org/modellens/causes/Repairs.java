package org.modellens.causes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.modellens.checks.Finding;
import org.modellens.checks.SchemaMismatchCheck;
import org.modellens.checks.TypeMismatchCheck;
import org.modellens.checks.UnitMismatchCheck;
import org.modellens.checks.UnseenCategoryCheck;
import org.modellens.data.Column;
import org.modellens.data.FormattedNumber;
import org.modellens.data.Snapshot;

/**
 * The known inverse of a pipeline cause, applied to a copy of production's model inputs. Its
 * parameters come from the evidence of the cause's own findings, so a repair undoes exactly what a check
 * measured:
 * <ul>
 *   <li>unit-mismatch: divide by the measured {@code factor}: every value when the whole column changed
 *       unit, else only the values outside the training range that the factor brings back into it (the
 *       rows the check counted);</li>
 *   <li>schema-mismatch with {@code likelyRenamedTo}: the model input is read from the production
 *       column it was renamed to;</li>
 *   <li>type-mismatch: numbers in display format ("1,200", "$95") parsed as
 *       {@link FormattedNumber} reads them;</li>
 *   <li>unseen-category: a value the training column never held is fed as missing.</li>
 * </ul>
 * Findings on columns the model does not read repair nothing.
 */
final class Repairs {

    private Repairs() {
    }

    /** One repair: a change to row-major production inputs. */
    interface Repair {
        /** Applies the repair in place to {@code values} ({@code columns} model inputs a row). */
        void apply(double[] values, int columns);
    }

    /**
     * The repair of a cause, or empty when none of its findings has a known inverse on a model input.
     *
     * @param findings the report's findings (the cause holds indices into them)
     */
    static Optional<Repair> of(Cause cause, List<Finding> findings, Snapshot train, Snapshot prod, List<String> features) {
        List<Repair> parts = new ArrayList<>();
        for (int index : cause.findings()) {
            if (index < 0 || index >= findings.size()) {
                continue;
            }
            of(findings.get(index), train, prod, features).ifPresent(parts::add);
        }
        return combined(parts);
    }

    /** Several repairs applied in turn; empty when there are none. */
    static Optional<Repair> combined(List<Repair> parts) {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        List<Repair> copy = List.copyOf(parts);
        return Optional.of((values, columns) -> copy.forEach(part -> part.apply(values, columns)));
    }

    /** The repair one finding measured the parameters of, or empty when it has none on a model input. */
    static Optional<Repair> of(Finding finding, Snapshot train, Snapshot prod, List<String> features) {
        String feature = finding.feature();
        if (feature == null) {
            return Optional.empty();
        }
        int j = features.indexOf(feature);
        switch (finding.check()) {
            case UnitMismatchCheck.ID -> {
                return j < 0 ? Optional.empty() : unit(finding, j, train.column(feature).orElse(null));
            }
            case SchemaMismatchCheck.ID -> {
                Object renamed = finding.evidence().get("likelyRenamedTo");
                if (j < 0 || !(renamed instanceof String counterpart)) {
                    return Optional.empty();
                }
                return prod.column(counterpart).map(column -> (values, columns) -> {
                    for (int i = 0; i < column.size(); i++) {
                        values[i * columns + j] = ServedInputs.number(column, i);
                    }
                });
            }
            case TypeMismatchCheck.ID -> {
                return j < 0 ? Optional.empty() : prod.column(feature).map(column -> (values, columns) -> {
                    for (int i = 0; i < column.size(); i++) {
                        FormattedNumber.Recovered recovered = FormattedNumber.recover(column.keptText(i));
                        if (recovered != null && Double.isFinite(recovered.value())) {
                            values[i * columns + j] = recovered.value();
                        }
                    }
                });
            }
            case UnseenCategoryCheck.ID -> {
                if (j < 0 || train.column(feature).isEmpty()) {
                    return Optional.empty();
                }
                Set<String> seen = new HashSet<>();
                Column trainColumn = train.column(feature).get();
                for (int i = 0; i < trainColumn.size(); i++) {
                    String cell = trainColumn.text(i);
                    if (cell != null) {
                        seen.add(cell);
                    }
                }
                return prod.column(feature).map(column -> (values, columns) -> {
                    for (int i = 0; i < column.size(); i++) {
                        String cell = column.text(i);
                        if (cell != null && !seen.contains(cell)) {
                            values[i * columns + j] = Double.NaN;
                        }
                    }
                });
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<Repair> unit(Finding finding, int j, Column trainColumn) {
        if (!(finding.evidence().get("factor") instanceof Number number) || trainColumn == null || !trainColumn.isNumeric()) {
            return Optional.empty();
        }
        double factor = number.doubleValue();
        if (!(factor > 0) || factor == 1) {
            return Optional.empty();
        }
        // The check's whole-column finding has no "rows" evidence; its some-rows finding counts them.
        boolean wholeColumn = !finding.evidence().containsKey("rows");
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : trainColumn.numbers()) {
            if (!Double.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        double lo = min;
        double hi = max;
        return Optional.of((values, columns) -> {
            for (int k = j; k < values.length; k += columns) {
                double v = values[k];
                if (Double.isNaN(v)) {
                    continue;
                }
                double back = v / factor;
                if (wholeColumn || ((v > hi || v < lo) && back >= lo && back <= hi)) {
                    values[k] = back;
                }
            }
        });
    }
}
