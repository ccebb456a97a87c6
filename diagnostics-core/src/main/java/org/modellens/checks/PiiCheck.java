package org.modellens.checks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modellens.data.Column;
import org.modellens.data.Snapshot;
import org.modellens.settings.Settings;

/**
 * pii: columns holding personal data (e-mail addresses, phone numbers, Luhn-valid payment card numbers,
 * IBANs, IP addresses, national-id-like numbers), found from the values by {@link PersonalData}; the
 * column name is only a hint. Each snapshot is scanned on at most {@code pii.sampleRows} evenly spaced
 * rows per column, missing cells skipped (a column of personal data shows it in any sample); a kind found in at
 * least {@code pii.minShare} of them (and {@code pii.minCount} values) marks the column, and the
 * production rows are then counted exactly. Personal data in a training set is a compliance risk, not a
 * model failure: {@code warn}. Example values are masked here and, for every writer, by
 * {@code org.modellens.report.PersonalDataMasking}.
 */
public final class PiiCheck implements Check {

    public static final String ID = "pii";

    private static final int EXAMPLES = 3;

    @Override
    public String id() {
        return ID;
    }

    /** What a scan of one column in one snapshot found. */
    private record Scan(long sampled, Map<PersonalData.Kind, Long> counts, Set<String> examples) {

        double share(PersonalData.Kind kind) {
            return sampled == 0 ? 0 : (double) counts.getOrDefault(kind, 0L) / sampled;
        }
    }

    @Override
    public List<Finding> run(CheckContext context) {
        Settings s = context.settings();
        int sampleRows = s.getInt("pii.sampleRows");
        List<Finding> findings = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>(context.train().columnNames());
        names.addAll(context.prod().columnNames());
        for (String name : names) {
            Column train = context.train().column(name).orElse(null);
            Column prod = context.prod().column(name).orElse(null);
            boolean phoneName = PersonalData.phoneName(name);
            Scan trainScan = train == null ? null : scan(train, sampleRows, phoneName);
            Scan prodScan = prod == null ? null : scan(prod, sampleRows, phoneName);
            PersonalData.Kind kind = dominant(trainScan, prodScan, s);
            if (kind != null) {
                findings.add(finding(name, kind, trainScan, prodScan, prod, phoneName, context.prod()));
            }
        }
        return findings;
    }

    private static Scan scan(Column column, int sampleRows, boolean phoneName) {
        int size = column.size();
        // Evenly spaced rows, missing cells skipped: the cost stays O(sampleRows) however long the file.
        int step = Math.max(1, (size + sampleRows - 1) / Math.max(1, sampleRows));
        Map<PersonalData.Kind, Long> counts = new EnumMap<>(PersonalData.Kind.class);
        Set<String> examples = new LinkedHashSet<>();
        long sampled = 0;
        // A plain number's text is written from its value: most can be passed over without writing it.
        double[] numbers = column.codes() == null ? column.numbers() : null;
        for (int row = 0; row < size; row += step) {
            if (numbers != null && !Double.isNaN(numbers[row]) && !PersonalData.numberMayBe(numbers[row])
                    && column.keptText(row) == null) {
                sampled++;
                continue;
            }
            String cell = column.text(row);
            if (cell == null) {
                continue;
            }
            sampled++;
            PersonalData.Kind kind = PersonalData.find(cell, phoneName);
            if (kind != null) {
                counts.merge(kind, 1L, Long::sum);
                if (examples.size() < EXAMPLES) {
                    examples.add(PersonalData.maskValue(cell));
                }
            }
        }
        return new Scan(sampled, counts, examples);
    }

    private static PersonalData.Kind dominant(Scan train, Scan prod, Settings s) {
        PersonalData.Kind best = null;
        double bestShare = 0;
        for (Scan scan : new Scan[] {train, prod}) {
            if (scan == null) {
                continue;
            }
            for (Map.Entry<PersonalData.Kind, Long> entry : scan.counts().entrySet()) {
                double share = scan.share(entry.getKey());
                if (entry.getValue() >= s.getInt("pii.minCount") && share >= s.get("pii.minShare") && share > bestShare) {
                    best = entry.getKey();
                    bestShare = share;
                }
            }
        }
        return best;
    }

    private static Finding finding(String name, PersonalData.Kind kind, Scan train, Scan prod, Column prodColumn,
                                   boolean phoneName, Snapshot prodSnapshot) {
        Evidence evidence = new Evidence().put("kind", kind.key());
        if (train != null) {
            evidence.put("trainShare", train.share(kind)).put("trainSampled", train.sampled());
        }
        if (prod != null) {
            evidence.put("prodShare", prod.share(kind)).put("prodSampled", prod.sampled());
        }
        evidence.put("nameHint", String.valueOf(nameHint(name, kind)));
        Set<String> examples = new LinkedHashSet<>();
        if (train != null) {
            examples.addAll(train.examples());
        }
        if (prod != null) {
            examples.addAll(prod.examples());
        }
        evidence.put("examples", List.copyOf(examples).subList(0, Math.min(EXAMPLES, examples.size())));
        String where = train != null && prod != null
                ? Judgement.percent(train.share(kind)) + " of training and " + Judgement.percent(prod.share(kind)) + " of production values"
                : train != null ? Judgement.percent(train.share(kind)) + " of training values"
                : Judgement.percent(prod.share(kind)) + " of production values";
        AffectedRows rows = prodColumn == null ? null
                : Rows.matching(row -> PersonalData.find(prodColumn.text(row), phoneName) == kind, prodSnapshot);
        return new Finding(ID, name, Severity.WARN, name + " holds personal data (" + kind.description() + ")",
                name + " contains " + kind.description() + " in " + where + " (sampled). Personal data in a training set is "
                        + "a privacy and compliance risk and rarely a useful feature: drop or pseudonymise it before training "
                        + "and storing snapshots. ModelLens masks its values in every report.",
                evidence.map(), rows);
    }

    private static boolean nameHint(String name, PersonalData.Kind kind) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return switch (kind) {
            case EMAIL -> n.contains("mail");
            case PHONE -> PersonalData.phoneName(name);
            case CARD -> n.contains("card") || n.contains("pan");
            case IBAN -> n.contains("iban") || n.contains("account");
            case IP_ADDRESS -> n.contains("ip");
            case NATIONAL_ID -> n.contains("ssn") || n.contains("nino") || n.contains("national");
        };
    }
}
