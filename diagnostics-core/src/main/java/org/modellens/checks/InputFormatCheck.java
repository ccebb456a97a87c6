package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;

import org.modellens.data.Column;
import org.modellens.data.Snapshot;
import org.modellens.data.TypeInference;
import org.modellens.profile.CategoryCounts;
import org.modellens.profile.FeatureComparison;

/**
 * input-format: how a snapshot file was written, where it could mislead every other check.
 * <ul>
 *   <li>A header that is data (an export that lost its header line): {@code warn} when at least half
 *       of the column names read as values of their own column (a number in a numeric column, an ISO
 *       date in a datetime column, an existing category in a categorical or boolean column) and at
 *       least one of them is no plain integer. Integer-only names are left alone: wide tables with
 *       year columns (2019, 2020, ...) have such headers legitimately.</li>
 *   <li>What the reader repaired or guessed (for example a file mixing UTF-8 and Latin-1 lines, each
 *       cell decoded in its own encoding): {@code warn}, one finding per note, naming line and column.</li>
 * </ul>
 */
public final class InputFormatCheck implements Check {

    public static final String ID = "input-format";

    private static final int LISTED_NAMES = 5;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        header(context, context.train(), true, findings);
        header(context, context.prod(), false, findings);
        notes(context.train(), "training", findings);
        notes(context.prod(), "production", findings);
        return findings;
    }

    private static void header(CheckContext context, Snapshot snapshot, boolean train, List<Finding> findings) {
        List<String> names = snapshot.columnNames();
        List<String> dataLike = new ArrayList<>();
        boolean anyNonInteger = false;
        for (String name : names) {
            Column column = snapshot.column(name).orElseThrow();
            CategoryCounts categories = context.comparison(name)
                    .map(c -> train ? c.trainCategories() : (c.prod() == column ? c.prodCategories() : null)).orElse(null);
            if (readsAsValue(name, column, categories)) {
                dataLike.add(name);
                double number = TypeInference.parseNumber(name);
                anyNonInteger |= Double.isNaN(number) || number != Math.rint(number);
            }
        }
        if (names.isEmpty() || dataLike.size() * 2 < names.size() || !anyNonInteger) {
            return;
        }
        String file = snapshot.source().fileName();
        List<String> listed = dataLike.stream().limit(LISTED_NAMES).map(Judgement::label).toList();
        findings.add(new Finding(ID, null, Severity.WARN,
                "The header of " + file + " looks like a row of data",
                dataLike.size() + " of " + names.size() + " column names of " + file + " (" + String.join(", ", listed)
                        + (dataLike.size() > listed.size() ? ", ..." : "") + ") read as values of their own column. "
                        + "If the file has no header line, its first data row was taken as column names: the columns are "
                        + "misnamed and one row is missing. Add the header line and run again.",
                new Evidence().put("file", file).put("snapshot", train ? "training" : "production")
                        .put("dataLikeNames", (long) dataLike.size()).put("columns", (long) names.size())
                        .put("examples", listed).map(),
                null));
    }

    /** Whether a column name is a plausible value of the column under it. */
    private static boolean readsAsValue(String name, Column column, CategoryCounts categories) {
        return switch (column.type()) {
            case NUMERIC -> !Double.isNaN(TypeInference.parseNumber(name));
            case DATETIME -> !Double.isNaN(TypeInference.parseDateTime(name));
            case BOOLEAN -> TypeInference.isBooleanValue(name);
            case CATEGORICAL -> categories != null && categories.contains(name);
            case TEXT -> false;
        };
    }

    private static void notes(Snapshot snapshot, String side, List<Finding> findings) {
        for (String note : snapshot.source().notes()) {
            // Reader notes name the file themselves.
            findings.add(new Finding(ID, null, Severity.WARN, firstSentence(note),
                    note, new Evidence().put("file", snapshot.source().fileName()).put("snapshot", side).map(), null));
        }
    }

    private static String firstSentence(String note) {
        int end = note.indexOf(". ");
        return end < 0 ? note : note.substring(0, end);
    }
}
