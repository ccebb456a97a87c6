package org.modellens.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modellens.data.ColumnTally;
import org.modellens.data.ColumnType;
import org.modellens.data.Sampling;

/**
 * Which figures of a streamed comparison are exact and which approximate, with their error bounds at
 * {@value #CONFIDENCE} confidence. The bounds are distribution-free:
 * <ul>
 *   <li>Dvoretzky-Kiefer-Wolfowitz (Massart's constant): the empirical CDF of a uniform sample of n
 *       rows is within {@code eps(n, a) = sqrt(ln(2/a) / (2n))} of the file's CDF everywhere, with
 *       probability at least 1 - a. Sampling without replacement concentrates at least as well
 *       (Hoeffding 1963), and a side held whole has eps = 0.</li>
 *   <li>Quantiles: the sample quantile at level q is a value whose rank in the file lies within
 *       q +- eps(n, 0.05).</li>
 *   <li>KS distance: |D(sample) - D(file)| <= eps(n_train, 0.025) + eps(n_prod, 0.025) (both sides
 *       hold together with probability 0.95). The p-value is computed on the samples: the whole
 *       files would give a smaller one, so the significance gate is conservative.</li>
 *   <li>Wasserstein-1 = integral of |F - G|: off by at most that KS bound times the span of the
 *       values (exact minimum to exact maximum of both files).</li>
 *   <li>PSI: every bin share is within 2 eps(n, 0.025) of the file's share for the same bin edges
 *       (edges are the training sample's deciles); no bound on PSI itself is claimed.</li>
 *   <li>Category shares, when a column had more distinct labels than were counted exactly: total
 *       variation within sqrt((k ln 2 + ln(1/a)) / (2n)) (Bretagnolle-Huber-Carol, k labels).</li>
 * </ul>
 */
public final class StatisticAccuracy {

    /** Confidence of every bound stated. */
    public static final double CONFIDENCE = 0.95;

    private StatisticAccuracy() {
    }

    /** DKW bound on the sup-norm error of the empirical CDF of a uniform sample of {@code n} of {@code total} rows. */
    public static double dkw(long n, long total, double alpha) {
        return n >= total ? 0.0 : Math.sqrt(Math.log(2.0 / alpha) / (2.0 * n));
    }

    /**
     * The accuracy of one feature's figures, as the report states it: {@code exact} lists the exact
     * figures, {@code approximate} maps each approximate one to its error bound and its meaning;
     * empty when neither snapshot was sampled.
     */
    public static Map<String, Object> of(FeatureComparison feature, Sampling train, Sampling prod) {
        boolean trainSampled = train != null && train.sampled();
        boolean prodSampled = prod != null && prod.sampled() && feature.prod() != null;
        if (!trainSampled && !prodSampled) {
            return Map.of();
        }
        long nTrain = train == null ? feature.train().size() : train.sampleRows();
        long totalTrain = train == null ? nTrain : train.fileRows();
        long nProd = prod == null || feature.prod() == null ? 0 : prod.sampleRows();
        long totalProd = prod == null ? nProd : prod.fileRows();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("confidence", CONFIDENCE);
        Map<String, Object> sampleRows = new LinkedHashMap<>();
        sampleRows.put("train", nTrain);
        sampleRows.put("prod", nProd);
        result.put("sampleRows", sampleRows);
        Map<String, Object> approximate = new LinkedHashMap<>();
        List<String> exact;
        if (feature.type() == ColumnType.NUMERIC) {
            exact = List.of("rows", "count", "missing", "unparsable", "min", "max", "mean", "std",
                    "standardizedMeanDifference", "outOfRange", "outliers", "nonFinite");
            approximate.put("quantiles.train", bound(dkw(nTrain, totalTrain, 0.05),
                    "the file rank of each training quantile lies within level +- this"));
            if (nProd > 0) {
                approximate.put("quantiles.prod", bound(dkw(nProd, totalProd, 0.05),
                        "the file rank of each production quantile lies within level +- this"));
            }
            approximate.put("distinct", bound(Double.NaN, "counted on the samples: a lower bound"));
            if (feature.drift() != null) {
                double ks = dkw(nTrain, totalTrain, 0.025) + dkw(nProd, totalProd, 0.025);
                approximate.put("ks.statistic", bound(ks, "|KS on the samples - KS on the files| <= this"));
                approximate.put("ks.pValue", bound(Double.NaN,
                        "computed on the samples; the whole files give a smaller p-value (the gate is conservative)"));
                double span = Math.max(feature.trainProfile().max(), feature.prodProfile().max())
                        - Math.min(feature.trainProfile().min(), feature.prodProfile().min());
                approximate.put("wasserstein", bound(ks * span,
                        "|Wasserstein on the samples - on the files| <= KS bound x value span"));
                approximate.put("wassersteinRelative", bound(ks * span / feature.trainProfile().std(),
                        "the Wasserstein bound over the exact training standard deviation"));
                approximate.put("psi", bound(Double.NaN, "every bin share within +-"
                        + String.format(java.util.Locale.ROOT, "%.4f", 2 * Math.max(dkw(nTrain, totalTrain, 0.025),
                        dkw(nProd, totalProd, 0.025))) + " of the file's share; no bound on PSI itself"));
            }
        } else if (feature.train().isCategorical()) {
            ColumnTally trainTally = train == null ? null : train.tally(feature.name());
            ColumnTally prodTally = prod == null || feature.prod() == null ? null : prod.tally(feature.name());
            boolean countsExact = StreamedComparison.exactCounts(trainTally) && StreamedComparison.exactCounts(prodTally);
            if (countsExact) {
                exact = List.of("rows", "count", "missing", "unparsable", "distinct", "topCategories", "chiSquare",
                        "jensenShannon", "cramersV", "totalVariation", "totalVariationPooled", "unseenCategories");
            } else {
                exact = List.of("rows", "count", "missing", "unparsable");
                int k = feature.trainCategories().distinct() + (feature.prodCategories() == null ? 0 : feature.prodCategories().distinct());
                double tv = tvBound(k, nTrain, totalTrain) + tvBound(k, nProd, totalProd);
                approximate.put("totalVariation", bound(tv, "category shares counted on the samples: "
                        + "|total variation on the samples - on the files| <= this"));
                approximate.put("chiSquare", bound(Double.NaN, "computed on the samples"));
            }
        } else {
            exact = List.of("rows", "count", "missing", "unparsable");
            approximate.put("distinct", bound(Double.NaN, "counted on the samples: a lower bound"));
        }
        result.put("exact", exact);
        result.put("approximate", approximate);
        return result;
    }

    private static double tvBound(int k, long n, long total) {
        return n == 0 || n >= total ? 0.0 : Math.sqrt((k * Math.log(2) + Math.log(2.0 / 0.05)) / (2.0 * n));
    }

    private static Map<String, Object> bound(double errorBound, String meaning) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (Double.isFinite(errorBound)) {
            entry.put("errorBound", errorBound);
        }
        entry.put("meaning", meaning);
        return entry;
    }
}
