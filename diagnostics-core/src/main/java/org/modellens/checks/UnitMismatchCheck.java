package org.modellens.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.modellens.profile.FeatureComparison;
import org.modellens.settings.Settings;
import org.modellens.stats.Descriptive;
import org.modellens.stats.KolmogorovSmirnov;
import org.modellens.stats.KsResult;

/**
 * unit-mismatch: the same quantity on another scale, by a power of ten (x10, x100, x1000 and their
 * inverses: g/kg, Pa/kPa, cents/dollars, percent/fraction).
 *
 * <p><b>Whole column.</b> The factor is estimated robustly as the ratio of the production to the
 * training interquartile range (the 5-95% range when the IQR is zero), checked against the ratio of the
 * medians; it must lie within {@code unit.factorTolerance} (in log10) of a power of ten other than 1.
 * Then the production values divided by that power must match training (KS distance below
 * {@code unit.rescaledKs.max}) while the raw values do not (KS at or above the numeric drift warn level).
 * A shift of location changes the median but not the spread and does not rescale onto training: it stays
 * feature-drift.
 *
 * <p><b>Some rows.</b> Production values outside the training range that, divided by one power of ten,
 * fall back inside it and are distributed like training there (KS distance below
 * {@code unit.rows.rescaledKs.max}): a subset of rows in another unit (or typed with extra zeros),
 * graded by its share of rows.
 */
public final class UnitMismatchCheck implements Check {

    public static final String ID = "unit-mismatch";

    private static final double[] FACTORS = {10, 100, 1000, 0.1, 0.01, 0.001};

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        for (FeatureComparison feature : context.sharedFeatures()) {
            double[] train = feature.trainSorted();
            double[] prod = feature.prodSorted();
            if (train == null || prod == null || train.length < 2 || prod.length < 2 || feature.drift() == null) {
                continue;
            }
            Optional<Finding> whole = wholeColumn(feature, train, prod, context);
            if (whole.isPresent()) {
                findings.add(whole.get());
            } else {
                someRows(feature, train, prod, context).ifPresent(findings::add);
            }
        }
        return findings;
    }

    private Optional<Finding> wholeColumn(FeatureComparison feature, double[] train, double[] prod, CheckContext context) {
        Settings s = context.settings();
        if (feature.drift().ks().statistic() < s.get("drift.numeric.ks.warn") || feature.drift().ks().pValue() >= context.alpha()) {
            return Optional.empty();
        }
        double scaleRatio = spread(prod) / spread(train);
        if (!(scaleRatio > 0) || !Double.isFinite(scaleRatio)) {
            return Optional.empty();
        }
        double power = Math.pow(10, Math.round(Math.log10(scaleRatio)));
        double tolerance = s.get("unit.factorTolerance");
        if (power == 1 || Math.abs(Math.log10(scaleRatio / power)) > tolerance || Math.abs(Math.log10(power)) > 3) {
            return Optional.empty();
        }
        double trainMedian = Descriptive.quantile(train, 0.5);
        double prodMedian = Descriptive.quantile(prod, 0.5);
        double medianRatio = prodMedian / trainMedian;
        if (trainMedian != 0 && prodMedian != 0 && !(medianRatio > 0 && Math.abs(Math.log10(medianRatio / power)) <= tolerance)) {
            return Optional.empty();
        }
        KsResult rescaled = KolmogorovSmirnov.twoSample(train, divided(prod, power));
        if (rescaled.statistic() >= s.get("unit.rescaledKs.max")) {
            return Optional.empty();
        }
        String name = feature.name();
        String factor = factorText(power);
        return Optional.of(new Finding(ID, name, Severity.FAIL,
                name + ": production values are " + factor + " the training values (another unit)",
                "The spread of " + name + " grew by a factor of " + Judgement.number(scaleRatio) + " and its median by "
                        + Judgement.number(medianRatio) + "; divided by " + plain(power)
                        + ", production is distributed like training (KS distance " + Judgement.number(rescaled.statistic())
                        + " instead of " + Judgement.number(feature.drift().ks().statistic()) + "). The same quantity arrives in "
                        + unitHint(power) + ". Convert it back before scoring; the drift and range findings on " + name
                        + " follow from this.",
                new Evidence().put("factor", power).put("estimatedFactor", scaleRatio).put("medianRatio", medianRatio)
                        .put("ksBefore", feature.drift().ks().statistic()).put("ksAfterRescaling", rescaled.statistic())
                        .put("ksAfterRescalingPValue", rescaled.pValue()).put("share", 1.0).map(),
                // Every present value: the same count and examples as before, and all rows for export.
                Rows.matching(row -> !Double.isNaN(feature.prod().numbers()[row]), context.prod())));
    }

    private Optional<Finding> someRows(FeatureComparison feature, double[] train, double[] prod, CheckContext context) {
        Settings s = context.settings();
        double min = train[0];
        double max = train[train.length - 1];
        double bestPower = 0;
        double[] bestValues = null;
        // prod is ascending: the values outside the training range are a head below min and a tail above max
        int below = 0;
        while (below < prod.length && prod[below] < min) {
            below++;
        }
        int above = prod.length;
        while (above > below && prod[above - 1] > max) {
            above--;
        }
        double[] rescaled = new double[below + prod.length - above];
        for (double power : FACTORS) {
            int count = 0;
            for (int i = 0; i < prod.length; i++) {
                if (i == below) {
                    i = above; // skip the values inside the range
                    if (i == prod.length) {
                        break;
                    }
                }
                double v = prod[i];
                if (v / power >= min && v / power <= max) {
                    rescaled[count++] = v / power;
                }
            }
            if (bestValues == null || count > bestValues.length) {
                bestValues = Arrays.copyOf(rescaled, count);
                Arrays.sort(bestValues);
                bestPower = power;
            }
        }
        double share = (double) bestValues.length / prod.length;
        if (bestValues.length < s.getInt("unit.rows.minCount") || share < s.get("unit.rows.share.warn")) {
            return Optional.empty();
        }
        KsResult fit = KolmogorovSmirnov.twoSample(train, bestValues);
        if (fit.statistic() >= s.get("unit.rows.rescaledKs.max")) {
            return Optional.empty();
        }
        double power = bestPower;
        Severity level = share >= s.get("unit.rows.share.fail") ? Severity.FAIL : Severity.WARN;
        double[] numbers = feature.prod().numbers();
        String name = feature.name();
        long count = bestValues.length;
        return Optional.of(new Finding(ID, name, level,
                name + ": " + Judgement.percent(share) + " of production values look "
                        + (power > 1 ? factorText(power) + " too large" : factorText(1 / power) + " too small"),
                count + " production values of " + name + " lie outside the training range but, divided by "
                        + plain(power) + ", fall inside it and are distributed like training (KS distance "
                        + Judgement.number(fit.statistic()) + "). These rows carry the quantity in another unit (or were typed "
                        + "with extra zeros); the model treats them as extreme values.",
                new Evidence().put("factor", power).put("rows", count).put("share", share)
                        .put("ksAfterRescaling", fit.statistic()).put("ksAfterRescalingPValue", fit.pValue()).map(),
                Rows.matching(row -> isRescaledIntoRange(numbers[row], power, min, max), context.prod())));
    }

    private static boolean isRescaledIntoRange(double v, double power, double min, double max) {
        return !Double.isNaN(v) && (v > max || v < min) && v / power >= min && v / power <= max;
    }

    /** Interquartile range, or the 5-95% range when the quartiles tie. */
    private static double spread(double[] sorted) {
        double iqr = Descriptive.quantile(sorted, 0.75) - Descriptive.quantile(sorted, 0.25);
        return iqr > 0 ? iqr : Descriptive.quantile(sorted, 0.95) - Descriptive.quantile(sorted, 0.05);
    }

    private static double[] divided(double[] sorted, double power) {
        double[] out = Arrays.copyOf(sorted, sorted.length);
        for (int i = 0; i < out.length; i++) {
            out[i] /= power;
        }
        return out;
    }

    private static String factorText(double power) {
        return power > 1 ? String.format(java.util.Locale.ROOT, "%,.0f times", power)
                : String.format(java.util.Locale.ROOT, "1/%,.0f of", 1 / power);
    }

    private static String plain(double power) {
        return power >= 1 ? String.format(java.util.Locale.ROOT, "%,.0f", power) : String.format(java.util.Locale.ROOT, "%.3f", power);
    }

    private static String unitHint(double power) {
        long p = Math.round(power >= 1 ? power : 1 / power);
        String hint = p == 1000 ? "g/kg, Pa/kPa or m/km" : p == 100 ? "percent/fraction or cents/dollars" : "mm/cm or similar";
        return "another unit (x" + plain(power) + ": " + hint + ")";
    }
}
