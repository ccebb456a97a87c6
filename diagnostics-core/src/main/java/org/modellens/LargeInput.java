package org.modellens;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.modellens.checks.FeatureDriftCheck;
import org.modellens.checks.DuplicateRowsCheck;
import org.modellens.checks.Finding;
import org.modellens.checks.LabelDriftCheck;
import org.modellens.checks.MissingValuesCheck;
import org.modellens.checks.NonFiniteValuesCheck;
import org.modellens.checks.OutOfRangeCheck;
import org.modellens.checks.OutliersCheck;
import org.modellens.checks.SchemaMismatchCheck;
import org.modellens.settings.Settings;
import org.modellens.checks.Severity;
import org.modellens.checks.UnseenCategoryCheck;
import org.modellens.data.Sampling;
import org.modellens.data.Snapshot;
import org.modellens.data.StreamedCsvReader;
import org.modellens.data.UnreadableInputException;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.StatisticAccuracy;

/**
 * The streamed path for production extracts too large to hold: when the two snapshot files are CSV
 * and together larger than {@code largeInput.streamAboveMegabytes}, each is read once by
 * {@link StreamedCsvReader} (exact tallies plus a seeded uniform sample), then analysed like any
 * snapshot. Findings whose figures come from the samples say so in their evidence, and affected-row
 * examples found on the production sample are turned into file row indices.
 */
final class LargeInput {

    private LargeInput() {
    }

    /** Whether the request's files are CSV and together above the streaming threshold. */
    static boolean streams(DiagnosisRequest request) {
        if (!isCsv(request.train()) || !isCsv(request.prod())) {
            return false;
        }
        try {
            long bytes = Files.size(request.train()) + Files.size(request.prod());
            return bytes > request.settings().get("largeInput.streamAboveMegabytes") * 1024 * 1024;
        } catch (IOException e) {
            return false; // the ordinary path reports the unreadable file
        }
    }

    private static boolean isCsv(Path path) {
        String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt");
    }

    /** @param modelGiven whether a model came with the request: it is not applied to streamed files, and the report says so */
    static org.modellens.report.DiagnosticReport run(DiagnosisRequest request, ProgressListener progress, boolean modelGiven)
            throws UnreadableInputException {
        Settings s = request.settings();
        for (String key : List.of("largeInput.sampleRows", "largeInput.typeRows", "largeInput.maxCategories")) {
            if (s.getInt(key) < 1) {
                throw new IllegalArgumentException("setting '" + key + "' must be at least 1, not " + s.getInt(key));
            }
        }
        StreamedCsvReader.Options options = new StreamedCsvReader.Options(s.getInt("largeInput.sampleRows"),
                (long) s.get("largeInput.seed"), s.getInt("largeInput.typeRows"), s.getInt("largeInput.maxCategories"),
                s.get("outliers.rangeMultiple"));
        String trainName = String.valueOf(request.train().getFileName());
        String prodName = String.valueOf(request.prod().getFileName());
        progress.stage("Streaming " + trainName, 0.0);
        Snapshot train = new StreamedCsvReader(options, share -> progress.stage("Streaming " + trainName, 0.2 * share))
                .readTraining(request.train(), request.categorical(), request.numeric(), request.target());
        String target = request.target();
        if (target != null && !train.hasColumn(target)) {
            throw new UnreadableInputException(trainName + ": the target column '" + target
                    + "' does not exist; its columns are " + String.join(", ", train.columnNames()));
        }
        Snapshot prod = new StreamedCsvReader(options, share -> progress.stage("Streaming " + prodName, 0.2 + 0.25 * share))
                .readProduction(request.prod(), train);
        List<Finding> notices = new ArrayList<>();
        if (modelGiven) {
            notices.add(new Finding(org.modellens.checks.SchemaMismatchCheck.ID, null, org.modellens.checks.Severity.INFO,
                    "The model was not applied: the files are too large to score row by row here",
                    "Above largeInput.streamAboveMegabytes the snapshots are streamed and only tallied and sampled; model "
                            + "scoring, explanations and the model checks need the rows in memory. Score a sample of "
                            + "production (or raise the setting) to include the model.",
                    java.util.Map.of("streamAboveMegabytes", s.get("largeInput.streamAboveMegabytes")), null));
        }
        Diagnosis.noticeUnknownOverrides("--categorical", request.categorical(), train, prod, notices);
        Diagnosis.noticeUnknownOverrides("--numeric", request.numeric(), train, prod, notices);
        return Diagnosis.analyse(train, prod, target, request.task(), s, notices, progress);
    }

    /**
     * Adds to each drift finding on a numeric column what its statistics were computed on and the
     * KS error bound, so a reader of the finding alone knows it is approximate.
     */
    static List<Finding> annotate(List<Finding> findings, List<FeatureComparison> comparisons, Snapshot train, Snapshot prod) {
        Map<String, FeatureComparison> byName = new LinkedHashMap<>();
        comparisons.forEach(c -> byName.put(c.name(), c));
        Sampling trainSampling = train.sampling().orElse(null);
        Sampling prodSampling = prod.sampling().orElse(null);
        List<Finding> annotated = new ArrayList<>(findings.size());
        for (Finding input : findings) {
            Finding finding = sampleRowsToFileRows(input, prod);
            FeatureComparison feature = finding.feature() == null ? null : byName.get(finding.feature());
            boolean drift = finding.check().equals(FeatureDriftCheck.ID) || finding.check().equals(LabelDriftCheck.ID);
            Map<String, Object> accuracy = feature == null || !drift || feature.drift() == null || !feature.drift().isNumeric()
                    ? Map.of() : StatisticAccuracy.of(feature, trainSampling, prodSampling);
            if (accuracy.isEmpty()) {
                annotated.add(finding);
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> approximate = (Map<String, Object>) accuracy.get("approximate");
            @SuppressWarnings("unchecked")
            Map<String, Object> ks = (Map<String, Object>) approximate.get("ks.statistic");
            Map<String, Object> evidence = new LinkedHashMap<>(finding.evidence());
            evidence.put("ksErrorBound", ks.get("errorBound"));
            evidence.put("computedOn", "uniform samples of " + sampleRows(train) + " training and "
                    + sampleRows(prod) + " production rows; bounds at 95% in features[].accuracy");
            annotated.add(new Finding(finding.check(), finding.feature(), finding.severity(), finding.title(),
                    finding.detail(), evidence, finding.rows()));
        }
        return annotated;
    }

    /** Checks that count affected rows over the whole streamed file (see {@link org.modellens.data.ColumnTally}). */
    private static final Set<String> COUNTED_ON_FILE = Set.of(OutOfRangeCheck.ID, OutliersCheck.ID, MissingValuesCheck.ID,
            UnseenCategoryCheck.ID, NonFiniteValuesCheck.ID, DuplicateRowsCheck.ID);

    /**
     * A check that counted its affected rows on the production sample gave sample positions: they are
     * turned into file row indices, and the evidence says the count is the sample's.
     */
    static Finding sampleRowsToFileRows(Finding finding, Snapshot prod) {
        if (finding.rows() == null || COUNTED_ON_FILE.contains(finding.check()) || prod.sampling().isEmpty()) {
            return finding;
        }
        long[] indices = prod.sampling().get().sampleIndices();
        List<Integer> examples = finding.rows().examples().stream()
                .map(row -> row < indices.length ? Math.toIntExact(indices[row]) : row).toList();
        Map<String, Object> evidence = new LinkedHashMap<>(finding.evidence());
        evidence.put("rowsCountedOn", "the sample of " + sampleRows(prod) + " production rows");
        return new Finding(finding.check(), finding.feature(), finding.severity(), finding.title(), finding.detail(),
                evidence, new org.modellens.checks.AffectedRows(finding.rows().count(), examples));
    }

    private static String sampleRows(Snapshot snapshot) {
        return String.format(Locale.ROOT, "%,d of %,d", snapshot.rows(), snapshot.fileRows());
    }
}
