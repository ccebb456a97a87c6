package org.modellens.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.checks.AffectedRows;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.data.UnreadableInputException;
import org.modellens.settings.Settings;

/**
 * Reports the writer tests format: the real diagnosis of the sample case, the same with a small model
 * section and explanations, a case with hostile cell values, and a case with personal data.
 */
final class ReportFixtures {

    static final Path SAMPLE_TRAIN = Path.of("../sample-data/case/train.csv");
    static final Path SAMPLE_PROD = Path.of("../sample-data/case/prod.csv");

    /** Category labels and a column name that a spreadsheet would run as formulas if written as such. */
    static final List<String> HOSTILE = List.of("=HYPERLINK(\"http://evil.example/x\",\"click\")", "@SUM(1)", "+1+1", "-2+3");
    static final String HOSTILE_UNSEEN = "=1+1";
    static final String HOSTILE_COLUMN = "=cmd|' /C calc'!A0";

    /** E-mail addresses only in the snapshots: the reports must never print them. */
    static final List<String> RAW_EMAILS = List.of("alice.martin@example.org", "bob.durand@example.org",
            "carol.petit@example.org", "dave.leroy@example.org");
    static final String NEW_EMAIL = "zoe.nouvelle@example.org";

    private static DiagnosticReport sample;

    private ReportFixtures() {
    }

    static synchronized DiagnosticReport sample() {
        if (sample == null) {
            sample = diagnose(SAMPLE_TRAIN, SAMPLE_PROD, "defaulted");
        }
        return sample;
    }

    static DiagnosticReport diagnose(Path train, Path prod, String target) {
        try {
            return Diagnosis.run(new DiagnosisRequest(train, prod, target, "auto", Set.of(), Set.of(), Settings.defaults()),
                    ProgressListener.NONE);
        } catch (UnreadableInputException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DiagnosticReport sampleDiagnosedWithModel;

    /** The sample case diagnosed with its model and held-out reference data, as the README's first command runs it. */
    static synchronized DiagnosticReport sampleDiagnosedWithModel() {
        if (sampleDiagnosedWithModel == null) {
            try {
                sampleDiagnosedWithModel = Diagnosis.run(new DiagnosisRequest(SAMPLE_TRAIN, SAMPLE_PROD, "defaulted", "auto",
                        Set.of(), Set.of(), Settings.defaults(), Path.of("../sample-data/case/model.json"), List.of(), null,
                        Path.of("../sample-data/case/reference.csv"), null, null), ProgressListener.NONE);
            } catch (UnreadableInputException e) {
                throw new IllegalStateException(e);
            }
        }
        return sampleDiagnosedWithModel;
    }

    /** The sample report with a small model section and explanations, as the model engineer's code will fill them. */
    static DiagnosticReport sampleWithModel() {
        DiagnosticReport base = sample();
        List<String> features = List.of("income", "interest_rate", "credit_score", "loan_amount");
        Map<String, Double> train = new LinkedHashMap<>();
        train.put("auc", 0.8123);
        train.put("logLoss", 0.2417);
        train.put("brier", 0.0701);
        Map<String, Double> prod = new LinkedHashMap<>();
        prod.put("auc", 0.6542);
        prod.put("logLoss", 0.3981);
        prod.put("brier", 0.1102);
        List<ModelSection.Curve> curves = List.of(
                new ModelSection.Curve("roc", "train", new double[]{0, 0.1, 0.3, 1}, new double[]{0, 0.55, 0.8, 1}),
                new ModelSection.Curve("roc", "prod", new double[]{0, 0.2, 0.5, 1}, new double[]{0, 0.4, 0.7, 1}));
        ModelSection model = new ModelSection("model.json", "xgboost", features, "binary", train, prod, false, 0.5, curves,
                new ModelSection.CostSummary(1.0, 5.0, 0.5, 0.3125, 0.5375, false));
        Map<String, Double> globalTrain = new LinkedHashMap<>();
        globalTrain.put("interest_rate", 0.61);
        globalTrain.put("income", 0.42);
        globalTrain.put("credit_score", 0.33);
        globalTrain.put("loan_amount", 0.12);
        Map<String, Double> globalProd = new LinkedHashMap<>();
        globalProd.put("interest_rate", 1.27);
        globalProd.put("income", 0.38);
        globalProd.put("credit_score", 0.31);
        globalProd.put("loan_amount", 0.21);
        List<Explanations.RowExplanation> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Double> contributions = new LinkedHashMap<>();
            contributions.put("income", -0.1 * (i % 5));
            contributions.put("interest_rate", 0.9 + 0.01 * i);
            contributions.put("credit_score", -0.05 * (i % 3));
            contributions.put("loan_amount", 0.02 * i);
            double baseValue = -2.4;
            double margin = baseValue + contributions.values().stream().mapToDouble(Double::doubleValue).sum();
            rows.add(new Explanations.RowExplanation(i, 1 / (1 + Math.exp(-margin)), margin, baseValue, contributions));
        }
        Explanations explanations = new Explanations("margin", "tree-shap", globalTrain, globalProd, rows);
        return new DiagnosticReport(base.toolVersion(), base.inputs(), base.findings(), base.features(), base.settings(),
                model, explanations);
    }

    /** A real diagnosis of two small files whose categories and one column name look like formulas. */
    static DiagnosticReport hostile(Path dir) {
        StringBuilder train = new StringBuilder("segment,amount," + csvQuote(HOSTILE_COLUMN) + "\n");
        StringBuilder prod = new StringBuilder("segment,amount," + csvQuote(HOSTILE_COLUMN) + "\n");
        for (int i = 0; i < 400; i++) {
            String label = HOSTILE.get(i % HOSTILE.size());
            train.append(csvQuote(label)).append(',').append(100 + i % 50).append(',').append(csvQuote(HOSTILE.get((i + 1) % 4))).append('\n');
            String prodLabel = i % 4 == 0 ? HOSTILE_UNSEEN : label;
            prod.append(csvQuote(prodLabel)).append(',').append(100 + i % 50).append(',').append(csvQuote(HOSTILE.get((i + 1) % 4))).append('\n');
        }
        return diagnose(write(dir, "hostile-train.csv", train), write(dir, "hostile-prod.csv", prod), null);
    }

    /**
     * A real diagnosis of two files with an e-mail column, plus the pii finding the pii check will
     * add: its evidence holds an already-masked example. The raw addresses are only in the snapshots
     * (and so in the profiles' category counts and in the unseen-category sentence).
     */
    static DiagnosticReport personal(Path dir) {
        StringBuilder train = new StringBuilder("email,score\n");
        StringBuilder prod = new StringBuilder("email,score\n");
        for (int i = 0; i < 400; i++) {
            train.append(RAW_EMAILS.get(i % RAW_EMAILS.size())).append(',').append(i % 37).append('\n');
            prod.append(i % 5 == 0 ? NEW_EMAIL : RAW_EMAILS.get(i % RAW_EMAILS.size())).append(',').append(i % 37).append('\n');
        }
        DiagnosticReport report = diagnose(write(dir, "people-train.csv", train), write(dir, "people-prod.csv", prod), null);
        List<Finding> findings = new ArrayList<>();
        findings.add(new Finding(PersonalData.CHECK, "email", Severity.FAIL, "email holds e-mail addresses",
                "400 of 400 production values look like e-mail addresses, e.g. " + PersonalData.mask(RAW_EMAILS.get(0)) + ".",
                Map.of("share", 1.0, "kind", "email", "examples", List.of(PersonalData.mask(RAW_EMAILS.get(0)))),
                new AffectedRows(400, List.of(0, 1, 2))));
        // A sentence quoting a raw value, as a check unaware of personal data could write: the writers'
        // second line of defence must scrub it.
        findings.add(new Finding("unseen-category", "email", Severity.WARN, "email: 20% of production values are new",
                "1 new category (" + NEW_EMAIL + ").", Map.of("examples", List.of(NEW_EMAIL)), null));
        findings.addAll(report.findings());
        return new DiagnosticReport(report.toolVersion(), report.inputs(), findings, report.features(), report.settings(),
                null, null);
    }

    private static String csvQuote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private static Path write(Path dir, String name, CharSequence content) {
        try {
            Path file = dir.resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] xlsx(DiagnosticReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new ExcelReportWriter().write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] pdf(DiagnosticReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PdfReportWriter().write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
