package org.modellens.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modellens.checks.Finding;
import org.modellens.checks.PersonalData;
import org.modellens.checks.PiiCheck;
import org.modellens.profile.CategoryCount;
import org.modellens.profile.ColumnProfile;
import org.modellens.profile.FeatureComparison;

/**
 * Masks personal data once, in the core, before the report is assembled, so every writer (JSON, Excel,
 * PDF, the workbench) shows masked values without doing anything.
 *
 * <ul>
 *   <li>In columns the pii check marked: every top-category label and every quoted value (evidence
 *       {@code examples} and lists of strings) of findings about the column is masked ({@link PersonalData#maskValue}); numeric profile figures
 *       (mean, spread, min, max, quantiles) are dropped, since for card or phone numbers they are
 *       near-values.</li>
 *   <li>Everywhere else (other columns' top categories, every finding's title, detail and string
 *       evidence): e-mail addresses, Luhn-valid card numbers and checksum-valid IBANs are masked where
 *       they occur.</li>
 * </ul>
 */
public final class PersonalDataMasking {

    private PersonalDataMasking() {
    }

    /** Names of the columns the pii findings mark. */
    public static Set<String> personalColumns(List<Finding> findings) {
        Set<String> columns = new HashSet<>();
        for (Finding finding : findings) {
            if (finding.check().equals(PiiCheck.ID) && finding.feature() != null) {
                columns.add(finding.feature());
            }
        }
        return columns;
    }

    public static List<Finding> maskFindings(List<Finding> findings, Set<String> personal) {
        List<Finding> masked = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            boolean all = f.feature() != null && personal.contains(f.feature());
            Map<String, Object> evidence = new LinkedHashMap<>();
            f.evidence().forEach((key, value) -> evidence.put(key, maskObject(value, all && isValues(key, value), all)));
            masked.add(new Finding(f.check(), f.feature(), f.severity(), PersonalData.maskMatches(f.title(), all),
                    PersonalData.maskMatches(f.detail(), all), evidence, f.rows()));
        }
        return masked;
    }

    public static List<FeatureComparison> maskComparisons(List<FeatureComparison> comparisons, Set<String> personal) {
        List<FeatureComparison> masked = new ArrayList<>(comparisons.size());
        for (FeatureComparison c : comparisons) {
            boolean all = personal.contains(c.name());
            masked.add(new FeatureComparison(c.name(), c.role(), c.type(), c.train(), c.prod(),
                    maskProfile(c.trainProfile(), all), maskProfile(c.prodProfile(), all), c.drift(),
                    c.trainSorted(), c.prodSorted(), c.trainCategories(), c.prodCategories()));
        }
        return masked;
    }

    /** Evidence entries that quote cell values: "examples" and other lists of strings. */
    private static boolean isValues(String key, Object value) {
        return key.equals("examples") || value instanceof List<?>;
    }

    /**
     * @param whole mask the whole string (a quoted cell value of a personal-data column)
     * @param all   mask every kind of match, not only the high-precision ones
     */
    private static Object maskObject(Object value, boolean whole, boolean all) {
        if (value instanceof String text) {
            return whole ? PersonalData.maskValue(text) : PersonalData.maskMatches(text, all);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(maskObject(item, whole, all)));
            return out;
        }
        return value;
    }

    private static ColumnProfile maskProfile(ColumnProfile p, boolean all) {
        if (p == null) {
            return null;
        }
        List<CategoryCount> top = new ArrayList<>(p.topCategories().size());
        for (CategoryCount c : p.topCategories()) {
            top.add(new CategoryCount(all ? PersonalData.maskValue(c.label()) : PersonalData.maskMatches(c.label(), false),
                    c.count(), c.share()));
        }
        if (!all) {
            return new ColumnProfile(p.rows(), p.count(), p.missing(), p.unparsable(), p.distinct(), p.mean(), p.std(),
                    p.min(), p.max(), p.quantiles(), top);
        }
        Map<String, Double> quantiles = new LinkedHashMap<>();
        p.quantiles().keySet().forEach(k -> quantiles.put(k, Double.NaN));
        return new ColumnProfile(p.rows(), p.count(), p.missing(), p.unparsable(), p.distinct(), Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, quantiles, top);
    }
}
