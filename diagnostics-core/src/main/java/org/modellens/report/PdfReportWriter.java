package org.modellens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;

import org.modellens.ProgressListener;
import org.modellens.causes.Cause;
import org.modellens.checks.AffectedRows;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.data.Snapshot;
import org.modellens.profile.CategoryCount;
import org.modellens.profile.ColumnProfile;
import org.modellens.profile.DriftStatistics;
import org.modellens.profile.FeatureComparison;
import org.modellens.text.Numbers;

/**
 * Writes a {@link DiagnosticReport} as a PDF for stakeholders: page 1 is the executive summary
 * (verdict, what changed, what to do, the drift of the top features, the input fingerprints); then
 * one section per material finding with its chart and sentences; the model and its explanations
 * when given; an appendix with the statistics tables. Charts are vector graphics, the DejaVu Sans
 * font is embedded, every page carries the title, the date and its number.
 *
 * <p>It formats and computes nothing; values of columns the pii check flagged are masked
 * ({@link PersonalData}).
 */
public final class PdfReportWriter implements ReportWriter {

    /** Rows of the per-row explanation table in the appendix; the Excel and JSON reports hold them all. */
    public static final int EXPLAINED_ROWS_SHOWN = 20;
    /** Categories per side in a category chart. */
    private static final int CHART_CATEGORIES = 8;

    private final Clock clock;

    public PdfReportWriter() {
        this(Clock.systemUTC());
    }

    /** @param clock gives the generation date printed on every page */
    public PdfReportWriter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void write(DiagnosticReport report, OutputStream out) throws IOException {
        write(report, out, ProgressListener.NONE);
    }

    @Override
    public void write(DiagnosticReport report, OutputStream out, ProgressListener progress) throws IOException {
        ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
        String generated = now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT));
        PersonalData personal = PersonalData.of(report);
        try (PdfCanvas canvas = new PdfCanvas()) {
            try {
                progress.stage("PDF: summary", 0.0);
                canvas.newPage();
                summaryPage(canvas, report, personal, generated);
                governancePage(canvas, report, StakeholderSummary.of(report));
                progress.stage("PDF: findings", 0.25);
                findings(canvas, report, personal);
                drift(canvas, report);
                progress.stage("PDF: model", 0.6);
                if (report.model() != null) {
                    model(canvas, report);
                }
                if (report.explanations() != null) {
                    explanations(canvas, report.explanations(), report.inputs().target());
                }
                if (report.timeline() != null) {
                    PdfTimelinePage.write(canvas, report.timeline());
                }
                progress.stage("PDF: appendix", 0.7);
                appendix(canvas, report, personal, generated);
                canvas.close();
                decorate(canvas, generated);
                info(canvas, report, now);
                progress.stage("PDF: saving", 0.9);
                canvas.document.save(out);
                progress.stage("PDF: done", 1.0);
            } finally {
                canvas.document.close();
            }
        }
    }

    // ---------------------------------------------------------------- page 1

    private static void summaryPage(PdfCanvas canvas, DiagnosticReport report, PersonalData personal, String generated)
            throws IOException {
        StakeholderSummary summary = StakeholderSummary.of(report);
        canvas.moveDown(8);
        canvas.begin("H1");
        canvas.text(canvas.bold, 22, PdfCanvas.INK, PdfCanvas.MARGIN, canvas.y(), StakeholderText.get("report.title"));
        canvas.endLeaf();
        canvas.moveDown(18);
        canvas.text(canvas.regular, 11, PdfCanvas.MUTED, PdfCanvas.MARGIN, canvas.y(), StakeholderText.get("report.subtitle"));
        canvas.moveDown(14);
        canvas.text(canvas.regular, 9, PdfCanvas.MUTED, PdfCanvas.MARGIN, canvas.y(),
                StakeholderText.get("report.generated", generated, report.toolVersion()));
        canvas.moveDown(14);
        ReportIdentity identity = report.identity();
        if (identity != null) {
            String model = identity.modelLabel(report.model() == null ? "no model given" : report.model().type() + " model (unnamed)");
            String line = "Report " + identity.reportId() + " · model: " + model
                    + (identity.modelOwner().isEmpty() ? "" : " · owner: " + identity.modelOwner());
            canvas.text(canvas.regular, 9, PdfCanvas.MUTED, PdfCanvas.MARGIN, canvas.y(), line);
            canvas.moveDown(12);
            if (!identity.intendedUse().isEmpty()) {
                canvas.paragraph(canvas.regular, 9, PdfCanvas.MUTED, 0, "Intended use: " + identity.intendedUse());
            }
        }

        float[] colour = verdictColour(summary.verdict());
        List<String> lines = canvas.wrap(canvas.bold, 12, PdfCanvas.WIDTH - 24, summary.verdictText());
        float bannerHeight = 16 + lines.size() * 16 + 16;
        canvas.fillRect(colour, PdfCanvas.MARGIN, canvas.y() - bannerHeight, PdfCanvas.WIDTH, bannerHeight);
        float baseline = canvas.y() - 20;
        canvas.begin("P");
        for (String line : lines) {
            canvas.text(canvas.bold, 12, new float[]{1, 1, 1}, PdfCanvas.MARGIN + 12, baseline, line);
            baseline -= 16;
        }
        canvas.text(canvas.regular, 9, new float[]{1, 1, 1}, PdfCanvas.MARGIN + 12, baseline, summary.countsText());
        canvas.endLeaf();
        canvas.moveDown(bannerHeight + 4);

        if (!summary.costs().isEmpty()) {
            canvas.heading(StakeholderText.get("section.impact"), 14);
            for (String line : summary.costs()) {
                canvas.item("·", canvas.regular, 10, personal.text(line));
            }
        }
        if (summary.quality() != null) {
            canvas.heading(StakeholderText.get("section.quality"), 14);
            canvas.paragraph(canvas.regular, 10, PdfCanvas.INK, 0, summary.quality());
            qualityChart(canvas, report);
        }
        if (!summary.topCauses().isEmpty()) {
            canvas.heading(StakeholderText.get("section.causes"), 14);
            for (StakeholderSummary.TopCause cause : summary.topCauses()) {
                canvas.ensure(60);
                canvas.item(cause.rank() + ".", canvas.bold, 10.5f, personal.text(cause.title()));
                if (!cause.impact().isEmpty()) {
                    canvas.paragraph(canvas.regular, 9, PdfCanvas.MUTED, 18, personal.text(cause.impact()));
                }
                canvas.paragraph(canvas.regular, 9.5f, PdfCanvas.INK, 18, StakeholderText.get("section.todo") + ": "
                        + personal.text(cause.action()));
                canvas.moveDown(3);
            }
        } else {
            canvas.heading(StakeholderText.get("section.changed"), 14);
            int n = 1;
            for (String sentence : summary.whatChanged()) {
                canvas.item(n++ + ".", canvas.regular, 10.5f, personal.text(sentence));
                canvas.moveDown(3);
            }
            canvas.heading(StakeholderText.get("section.todo"), 14);
            n = 1;
            for (String sentence : summary.whatToDo()) {
                canvas.item(n++ + ".", canvas.regular, 10.5f, personal.text(sentence));
                canvas.moveDown(3);
            }
            for (DriftRanking.Panel panel : DriftRanking.panels(report, PAGE_ONE_DRIFT_FEATURES)) {
                canvas.moveDown(6);
                PdfCharts.drift(canvas, panel);
            }
        }
        if (!summary.alsoAffected().isEmpty()) {
            canvas.paragraph(canvas.regular, 9, PdfCanvas.MUTED, 18, personal.text(StakeholderText.get("section.alsoAffected",
                    String.join(", ", summary.alsoAffected()))));
        }
    }

    /** Features per drift chart on page 1 (told without causes) and in the drift section. */
    private static final int PAGE_ONE_DRIFT_FEATURES = 5;
    private static final int DRIFT_FEATURES = 10;

    /** The drift of the inputs, one chart per measure, after the findings. */
    private static void drift(PdfCanvas canvas, DiagnosticReport report) throws IOException {
        List<DriftRanking.Panel> panels = DriftRanking.panels(report, DRIFT_FEATURES);
        if (panels.isEmpty()) {
            return;
        }
        canvas.ensure(320);
        canvas.heading(StakeholderText.get("section.drift"), 16);
        canvas.paragraph(canvas.regular, 9, PdfCanvas.INK, 0, StakeholderText.get("section.drift.intro"));
        for (DriftRanking.Panel panel : panels) {
            canvas.moveDown(6);
            PdfCharts.drift(canvas, panel);
        }
    }

    // ---------------------------------------------------------------- page 2: scope, words, sign-off

    /** What was analysed, what could not be judged, the words used, and the reviewer's box. */
    private static void governancePage(PdfCanvas canvas, DiagnosticReport report, StakeholderSummary summary)
            throws IOException {
        canvas.newPage();
        fingerprints(canvas, report);
        if (!summary.notAssessed().isEmpty()) {
            canvas.heading(StakeholderText.get("section.notAssessed"), 12);
            for (String line : summary.notAssessed()) {
                canvas.item("·", canvas.regular, 9, line);
            }
        }
        canvas.heading(StakeholderText.get("section.glossary"), 12);
        for (String term : GLOSSARY) {
            // Only these two name the outcome classes and the units; the others hold apostrophes MessageFormat would eat.
            canvas.item("·", canvas.regular, 8.5f, term.equals("auc") || term.equals("contribution")
                    ? StakeholderText.get("glossary." + term, CauseWords.positive(report), CauseWords.negative(report),
                    CauseWords.units(report)) : StakeholderText.get("glossary." + term));
        }
        signOff(canvas, report);
    }

    private static final List<String> GLOSSARY = List.of("cause", "finding", "auc", "logLoss", "baseline", "drift",
            "significance", "cbpe", "contribution", "decisions");

    /**
     * The model's quality on its baseline beside production: the metrics a reader weighs on one
     * 0..1 axis (the error metrics, log-loss and cost, have no common scale and stay in the text).
     */
    private static void qualityChart(PdfCanvas canvas, DiagnosticReport report) throws IOException {
        List<String> shown = List.of("auc", "accuracy", "r2");
        List<String> labels = new java.util.ArrayList<>();
        List<Double> baseline = new java.util.ArrayList<>();
        List<Double> prod = new java.util.ArrayList<>();
        String baselineName = "training (in-sample)";
        if (report.performance() != null) {
            baselineName = report.performance().inSample() ? baselineName : "reference (held out)";
            report.performance().metrics().forEach((metric, pair) -> {
                if (shown.contains(metric) && Double.isFinite(pair.baseline()) && Double.isFinite(pair.prod())) {
                    labels.add(CauseWords.shortName(metric));
                    baseline.add(pair.baseline());
                    prod.add(pair.prod());
                }
            });
        } else if (report.model() != null) {
            for (String metric : shown) {
                Double train = report.model().trainMetrics().get(metric);
                Double production = report.model().prodMetrics().get(metric);
                if (train != null && production != null) {
                    labels.add(CauseWords.shortName(metric));
                    baseline.add(train);
                    prod.add(production);
                }
            }
        }
        if (labels.isEmpty()) {
            return;
        }
        PdfCharts.bars(canvas, "Model quality: " + baselineName + " vs production (1 = perfect)", labels,
                List.of(new PdfCharts.Series(baselineName, PdfCanvas.TRAIN, baseline.stream().mapToDouble(Double::doubleValue).toArray()),
                        new PdfCharts.Series("production", PdfCanvas.PROD, prod.stream().mapToDouble(Double::doubleValue).toArray())),
                1.0, false);
    }

    /** A box for the reviewer: who reviewed, the decision, date and signature. */
    private static void signOff(PdfCanvas canvas, DiagnosticReport report) throws IOException {
        float height = 118;
        canvas.ensure(height + 30);
        canvas.heading(StakeholderText.get("section.signOff"), 12);
        float top = canvas.y() - 4;
        canvas.line(PdfCanvas.RULE, 0.8f, PdfCanvas.MARGIN, top, PdfCanvas.MARGIN + PdfCanvas.WIDTH, top);
        canvas.line(PdfCanvas.RULE, 0.8f, PdfCanvas.MARGIN, top - height, PdfCanvas.MARGIN + PdfCanvas.WIDTH, top - height);
        canvas.line(PdfCanvas.RULE, 0.8f, PdfCanvas.MARGIN, top, PdfCanvas.MARGIN, top - height);
        canvas.line(PdfCanvas.RULE, 0.8f, PdfCanvas.MARGIN + PdfCanvas.WIDTH, top, PdfCanvas.MARGIN + PdfCanvas.WIDTH, top - height);
        String id = report.identity() == null ? "" : report.identity().reportId();
        List<String> fields = List.of("Report id: " + id, "Reviewed by (name, role):", "Decision:  [ ] accept the model as is   "
                + "[ ] accept with the actions above   [ ] stop automatic use", "Date:", "Signature:");
        float baseline = top - 18;
        for (String field : fields) {
            canvas.text(canvas.regular, 9, PdfCanvas.INK, PdfCanvas.MARGIN + 10, baseline, field);
            baseline -= 22;
        }
        canvas.moveDown(height + 8);
    }

    /** Which files were analysed, to the byte: name, size and SHA-256 of each. */
    private static void fingerprints(PdfCanvas canvas, DiagnosticReport report) throws IOException {
        canvas.ensure(70);
        canvas.moveDown(8);
        canvas.rule();
        canvas.moveDown(12);
        canvas.text(canvas.bold, 9, PdfCanvas.INK, PdfCanvas.MARGIN, canvas.y(), StakeholderText.get("section.inputs"));
        List<String> sides = report.inputs().reference() == null ? List.of("train", "prod") : List.of("train", "reference", "prod");
        for (String side : sides) {
            Snapshot snapshot = switch (side) {
                case "train" -> report.inputs().train();
                case "reference" -> report.inputs().reference();
                default -> report.inputs().prod();
            };
            canvas.moveDown(12);
            canvas.text(canvas.regular, 8, PdfCanvas.INK, PdfCanvas.MARGIN, canvas.y(),
                    StakeholderText.get("side." + side) + ": " + snapshot.source().path().getFileName() + " · "
                            + Numbers.count(snapshot.rows()) + " rows · " + snapshot.columns().size() + " columns");
            canvas.moveDown(10);
            canvas.text(canvas.regular, 7, PdfCanvas.MUTED, PdfCanvas.MARGIN + 10, canvas.y(), "SHA-256 " + snapshot.source().sha256());
        }
        String target = report.inputs().target();
        canvas.moveDown(12);
        canvas.text(canvas.regular, 8, PdfCanvas.INK, PdfCanvas.MARGIN, canvas.y(),
                "Target: " + (target == null ? "(none)" : target) + (report.inputs().task() == null ? "" : " · task: " + report.inputs().task())
                        + (report.model() == null ? "" : " · model: " + report.model().type()));
    }

    private static float[] verdictColour(String verdict) {
        return switch (verdict) {
            case "fail" -> PdfCanvas.FAIL;
            case "warn" -> PdfCanvas.WARN;
            default -> PdfCanvas.PASS;
        };
    }

    private static float[] severityColour(Severity severity) {
        return switch (severity) {
            case FAIL -> PdfCanvas.FAIL;
            case WARN -> PdfCanvas.WARN;
            case INFO -> PdfCanvas.INFO;
        };
    }

    // ---------------------------------------------------------------- findings

    private static void findings(PdfCanvas canvas, DiagnosticReport report, PersonalData personal) throws IOException {
        canvas.newPage();
        canvas.heading(StakeholderText.get("section.findings"), 16);
        java.util.Set<Integer> told = new java.util.HashSet<>();
        for (Cause cause : report.causes()) {
            causeBlock(canvas, report, cause, personal);
            told.addAll(cause.findings());
        }
        int index = 1;
        for (Finding finding : report.findings()) {
            // Without causes (a report made by hand) every alarm is told on its own.
            if (finding.severity() != Severity.INFO && !told.contains(index - 1)) {
                finding(canvas, report, finding, index, personal, true);
            }
            index++;
        }
        List<Finding> notes = new java.util.ArrayList<>();
        for (int i = 0; i < report.findings().size(); i++) {
            if (report.findings().get(i).severity() == Severity.INFO && !told.contains(i)) {
                notes.add(report.findings().get(i));
            }
        }
        if (!notes.isEmpty()) {
            canvas.heading("Notes (measured, below alarm level)", 11);
            for (Finding note : notes) {
                canvas.item("·", canvas.regular, 9, personal.text(note.title()));
            }
        }
    }

    /**
     * One cause on one page where it fits: what went wrong, what it costs, what to do, one chart, and
     * its symptoms listed (each symptom's numbers are in the appendix, not redrawn).
     */
    private static void causeBlock(PdfCanvas canvas, DiagnosticReport report, Cause cause, PersonalData personal)
            throws IOException {
        canvas.ensure(300);
        canvas.moveDown(14);
        String tag = StakeholderText.get("severity." + cause.severity().jsonName());
        float tagWidth = canvas.width(canvas.bold, 8, tag) + 10;
        List<String> titleLines = canvas.wrap(canvas.bold, 12, PdfCanvas.WIDTH - tagWidth - 8,
                cause.rank() + ". " + personal.text(cause.title()));
        canvas.fillRect(severityColour(cause.severity()), PdfCanvas.MARGIN, canvas.y() - 13, tagWidth, 14);
        canvas.begin("H2");
        canvas.text(canvas.bold, 8, new float[]{1, 1, 1}, PdfCanvas.MARGIN + 5, canvas.y() - 9.5f, tag);
        for (String line : titleLines) {
            canvas.text(canvas.bold, 12, PdfCanvas.INK, PdfCanvas.MARGIN + tagWidth + 8, canvas.y() - 10.5f, line);
            canvas.moveDown(16);
        }
        canvas.endLeaf();
        String impact = CauseWords.impact(cause, report);
        if (!impact.isEmpty()) {
            canvas.paragraph(canvas.regular, 9.5f, PdfCanvas.MUTED, 0, personal.text(impact));
        }
        canvas.paragraph(canvas.bold, 9.5f, PdfCanvas.INK, 0, StakeholderText.get("section.todo") + ": "
                + personal.text(cause.whatToDo()));
        List<Finding> symptoms = cause.findings().stream().map(i -> report.findings().get(i)).toList();
        // One chart per cause: the first symptom that has one tells the picture; the others repeat it.
        for (Finding symptom : symptoms) {
            float before = canvas.y();
            chart(canvas, report, symptom, personal);
            if (canvas.y() != before) {
                break;
            }
        }
        canvas.paragraph(canvas.bold, 9, PdfCanvas.INK, 0, symptoms.size() == 1 ? "Finding" : "Findings (" + symptoms.size() + ")");
        for (int i = 0; i < symptoms.size(); i++) {
            Finding symptom = symptoms.get(i);
            canvas.item("\u00b7", canvas.regular, 9, StakeholderText.get("severity." + symptom.severity().jsonName()) + "  "
                    + personal.text(symptom.title()) + "  (#" + (cause.findings().get(i) + 1) + ", " + symptom.check() + ")");
        }
        canvas.paragraph(canvas.regular, 8.5f, PdfCanvas.MUTED, 0, personal.text(symptoms.get(0).detail()));
        canvas.moveDown(4);
        canvas.rule();
    }

    /**
     * One finding with its numbers. Told on its own ({@code whole}) it has its chart and action; in the
     * appendix, under a cause that already drew and said them, only its text and evidence.
     */
    private static void finding(PdfCanvas canvas, DiagnosticReport report, Finding finding, int index,
                                PersonalData personal, boolean whole) throws IOException {
        // Keep the heading with its text and chart.
        canvas.ensure(whole ? 240 : 80);
        canvas.moveDown(14);
        String tag = StakeholderText.get("severity." + finding.severity().jsonName());
        float tagWidth = canvas.width(canvas.bold, 8, tag) + 10;
        List<String> titleLines = canvas.wrap(canvas.bold, 11.5f, PdfCanvas.WIDTH - tagWidth - 8, personal.text(finding.title()));
        canvas.fillRect(severityColour(finding.severity()), PdfCanvas.MARGIN, canvas.y() - 13, tagWidth, 14);
        // Told on its own it is a section under Findings; in the appendix a paragraph under its heading.
        canvas.begin(whole ? "H2" : "P");
        canvas.text(canvas.bold, 8, new float[]{1, 1, 1}, PdfCanvas.MARGIN + 5, canvas.y() - 9.5f, tag);
        for (String line : titleLines) {
            canvas.text(canvas.bold, 11.5f, PdfCanvas.INK, PdfCanvas.MARGIN + tagWidth + 8, canvas.y() - 10.5f, line);
            canvas.moveDown(15);
        }
        canvas.endLeaf();
        canvas.text(canvas.regular, 7.5f, PdfCanvas.MUTED, PdfCanvas.MARGIN, canvas.y() - 6,
                "#" + index + " · check " + finding.check() + (finding.feature() == null ? "" : " · column " + finding.feature()));
        canvas.moveDown(8);
        canvas.paragraph(canvas.regular, 9.5f, PdfCanvas.INK, 0, personal.text(finding.detail()));
        if (whole) {
            chart(canvas, report, finding, personal);
            canvas.paragraph(canvas.bold, 9, PdfCanvas.INK, 0, StakeholderText.get("section.todo") + ": "
                    + StakeholderText.whatToDo(finding.check(), finding.feature()));
        }
        String evidence = finding.evidence().entrySet().stream()
                .map(e -> e.getKey() + " " + (e.getKey().toLowerCase(Locale.ROOT).endsWith("pvalue")
                        && e.getValue() instanceof Double p ? Numbers.pValue(p) : evidenceValue(finding, e.getValue(), personal)))
                .collect(Collectors.joining(" · "));
        AffectedRows rows = finding.rows();
        if (rows != null) {
            evidence += " · affected production rows " + Numbers.count(rows.count())
                    + (rows.examples().isEmpty() ? "" : " (e.g. rows " + rows.examples().stream().limit(5)
                    .map(row -> rowName(report, row)).collect(Collectors.joining(", ")) + ")");
        }
        canvas.paragraph(canvas.regular, 7.5f, PdfCanvas.MUTED, 0, "Evidence: " + evidence);
        canvas.moveDown(4);
        canvas.rule();
    }

    /** A production row by its index and, where production has an id column, by its id: "3 (A2000004)". */
    private static String count(double value) {
        return Double.isFinite(value) ? Numbers.count(Math.round(value)) : Numbers.NONE;
    }

    private static String rowName(DiagnosticReport report, long row) {
        if (report.inputs() == null) {
            return String.valueOf(row);
        }
        org.modellens.data.Snapshot prod = report.inputs().prod();
        int held = prod.heldRow(row);
        for (org.modellens.data.Column column : prod.columns()) {
            if (column.identifier() && held >= 0) {
                String id = column.text(held);
                return id == null ? String.valueOf(row) : row + " (" + id + ")";
            }
        }
        return String.valueOf(row);
    }

    private static String evidenceValue(Finding finding, Object value, PersonalData personal) {
        if (value instanceof Double d) {
            return Numbers.number(d);
        }
        if (value instanceof Long || value instanceof Integer) {
            return Numbers.count(((Number) value).longValue());
        }
        return ExcelReportWriter.evidenceText(finding, value, personal);
    }

    /** The picture of a finding: its column's distributions, or the share it is about. */
    private static void chart(PdfCanvas canvas, DiagnosticReport report, Finding finding, PersonalData personal)
            throws IOException {
        FeatureComparison feature = finding.feature() == null ? null : report.features().stream()
                .filter(f -> f.name().equals(finding.feature())).findFirst().orElse(null);
        boolean masked = feature != null && personal.isFlagged(feature.name());
        String check = finding.check();
        if (check.equals("missing-values") && feature != null && feature.prodProfile() != null) {
            PdfCharts.bars(canvas, "Share of empty values in " + feature.name(),
                    List.of(StakeholderText.get("side.train"), StakeholderText.get("side.prod")),
                    List.of(new PdfCharts.Series("missing", PdfCanvas.PROD,
                            new double[]{feature.trainProfile().missingRate(), feature.prodProfile().missingRate()})),
                    Double.NaN, true);
        } else if (feature != null && !masked && !feature.trainProfile().quantiles().isEmpty()) {
            boolean extremes = check.equals("out-of-range") || check.equals("outliers");
            PdfCharts.boxes(canvas, feature.name() + ": training vs production", feature.trainProfile(),
                    feature.prodProfile(), extremes);
        } else if (feature != null && !masked && feature.prodProfile() != null
                && !feature.trainProfile().topCategories().isEmpty()) {
            categoryChart(canvas, feature);
        } else if (finding.evidence().get("share") instanceof Double share) {
            PdfCharts.share(canvas, "Share of production rows concerned", share, severityColour(finding.severity()));
        }
    }

    /** Category shares, training vs production, for the categories most frequent on either side. */
    private static void categoryChart(PdfCanvas canvas, FeatureComparison feature) throws IOException {
        ColumnProfile train = feature.trainProfile();
        ColumnProfile prod = feature.prodProfile();
        Set<String> labels = new LinkedHashSet<>();
        train.topCategories().stream().limit(CHART_CATEGORIES).forEach(c -> labels.add(c.label()));
        prod.topCategories().stream().limit(CHART_CATEGORIES).forEach(c -> labels.add(c.label()));
        List<String> ordered = new ArrayList<>(labels);
        double[] trainShares = shares(ordered, train);
        double[] prodShares = shares(ordered, prod);
        PdfCharts.bars(canvas, "Share of each category in " + feature.name(), ordered,
                List.of(new PdfCharts.Series(StakeholderText.get("side.train"), PdfCanvas.TRAIN, trainShares),
                        new PdfCharts.Series(StakeholderText.get("side.prod"), PdfCanvas.PROD, prodShares)),
                Double.NaN, true);
    }

    /**
     * The share of each label on one side. A label absent from the side's top list has share 0 when
     * the list holds every category of that side, and is unknown (no bar) otherwise.
     */
    private static double[] shares(List<String> labels, ColumnProfile profile) {
        Map<String, Double> byLabel = profile.topCategories().stream()
                .collect(Collectors.toMap(CategoryCount::label, CategoryCount::share));
        boolean complete = profile.topCategories().size() >= profile.distinct();
        double[] shares = new double[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            Double share = byLabel.get(labels.get(i));
            shares[i] = share != null ? share : complete ? 0 : Double.NaN;
        }
        return shares;
    }

    // ---------------------------------------------------------------- model and explanations

    private static void model(PdfCanvas canvas, DiagnosticReport report) throws IOException {
        ModelSection model = report.model();
        canvas.newPage();
        canvas.heading(StakeholderText.get("section.model"), 16);
        canvas.paragraph(canvas.regular, 9.5f, PdfCanvas.INK, 0, "Model: " + model.type()
                + (model.path() == null ? "" : " (" + model.path() + ")") + " · task " + model.task()
                + (Double.isFinite(model.threshold()) ? " · decision threshold " + Numbers.number(model.threshold()) : "")
                + (model.classLabels().isEmpty() ? "" : " · classes " + String.join(", ", model.classLabels().stream()
                        .map(label -> org.modellens.text.Outcomes.name(report.inputs().target(), label)).toList())
                        + ("binary".equals(model.task()) ? "; it scores the probability of " + CauseWords.positive(report) : "")));
        canvas.moveDown(4);
        Set<String> metrics = new LinkedHashSet<>(model.trainMetrics().keySet());
        metrics.addAll(model.prodMetrics().keySet());
        List<List<String>> rows = new ArrayList<>();
        for (String metric : metrics) {
            boolean counted = metric.equals("rows") || metric.startsWith("false");
            double train = model.trainMetrics().getOrDefault(metric, Double.NaN);
            double prod = model.prodMetrics().getOrDefault(metric, Double.NaN);
            rows.add(List.of(CauseWords.metricLabel(metric, report), counted ? count(train) : Numbers.number(train),
                    counted ? count(prod) : Numbers.number(prod)));
        }
        canvas.table(List.of("Metric", "Training", model.prodEstimated() ? "Production (estimated)" : "Production"),
                new float[]{200, 120, 140}, rows, 9);
        ModelSection.CostSummary cost = model.cost();
        if (cost != null) {
            canvas.paragraph(canvas.regular, 9.5f, PdfCanvas.INK, 0, "Expected cost per row at threshold "
                    + Numbers.number(cost.threshold()) + " (false positive " + Numbers.number(cost.falsePositiveCost())
                    + ", false negative " + Numbers.number(cost.falseNegativeCost()) + "): training "
                    + Numbers.number(cost.trainCostPerRow()) + ", production " + Numbers.number(cost.prodCostPerRow())
                    + (cost.prodEstimated() ? " (estimated)" : "") + ".");
        }
        for (String kind : List.of("roc", "calibration")) {
            List<ModelSection.Curve> curves = model.curves().stream().filter(c -> c.kind().equals(kind)).toList();
            if (curves.isEmpty()) {
                continue;
            }
            canvas.moveDown(6);
            boolean roc = kind.equals("roc");
            if (!roc) {
                // The calibration chart and the rows behind its points on one page: a point resting on a
                // handful of rows is read beside its count (chart 222 pt, the table 12.75 pt a row).
                int bins = curves.stream().mapToInt(c -> c.counts().length).sum();
                canvas.ensure(Math.min(PdfCanvas.TOP - PdfCanvas.BOTTOM, 222 + 60 + bins * 12.75f));
            }
            String positive = CauseWords.positive(report);
            PdfCharts.curves(canvas, roc ? "ROC curve" : "Calibration",
                    roc ? "false positive rate (share of " + CauseWords.negative(report) + " flagged)" : "mean predicted probability of " + positive,
                    roc ? "true positive rate (share of " + positive + " caught)" : "observed share of " + positive,
                    curves.stream().map(c -> StakeholderText.get("side." + c.side())).toList(),
                    curves.stream().map(c -> new double[][]{c.x(), c.y()}).toList(),
                    curves.stream().map(c -> c.side().equals("train") ? PdfCanvas.TRAIN : PdfCanvas.PROD).toList());
            if (!roc) {
                calibrationBins(canvas, curves, positive);
            }
        }
    }

    /** The rows behind each point of the calibration chart: a point resting on a handful of rows is noise. */
    private static void calibrationBins(PdfCanvas canvas, List<ModelSection.Curve> curves, String positive) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (ModelSection.Curve curve : curves) {
            for (int i = 0; i < curve.x().length && i < curve.counts().length; i++) {
                rows.add(List.of(StakeholderText.get("side." + curve.side()), Numbers.number(curve.x()[i]),
                        Numbers.number(curve.y()[i]), Numbers.count(curve.counts()[i])));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        // The title stays with its table: the header and a few rows at least.
        canvas.ensure(70);
        canvas.paragraph(canvas.bold, 8.5f, PdfCanvas.INK, 0, "Rows behind each point of the calibration chart");
        canvas.table(List.of("Side", "Mean predicted probability", "Observed share of " + positive, "Rows in bin"),
                new float[]{110, 120, 120, 80}, rows, 7.5f);
    }

    private static void explanations(PdfCanvas canvas, Explanations explanations, String target) throws IOException {
        canvas.ensure(300);
        canvas.heading(StakeholderText.get("section.explanations"), 16);
        String units = explanations.unitsFor(target);
        canvas.paragraph(canvas.regular, 9.5f, PdfCanvas.INK, 0, "Mean absolute contribution of each feature to the model's output, in "
                + units + " (" + explanations.space() + " space, " + explanations.method() + "), on training and on production rows. "
                + "A feature whose weight moved is where the model now decides differently.");
        Set<String> features = new LinkedHashSet<>(explanations.globalTrain().keySet());
        features.addAll(explanations.globalProd().keySet());
        List<String> top = features.stream().limit(ExcelReportWriter.CHART_FEATURES).toList();
        PdfCharts.bars(canvas, "Importance: training vs production (mean |contribution|, " + units + ")", top,
                List.of(new PdfCharts.Series(StakeholderText.get("side.train"), PdfCanvas.TRAIN,
                                top.stream().mapToDouble(f -> explanations.globalTrain().getOrDefault(f, Double.NaN)).toArray()),
                        new PdfCharts.Series(StakeholderText.get("side.prod"), PdfCanvas.PROD,
                                top.stream().mapToDouble(f -> explanations.globalProd().getOrDefault(f, Double.NaN)).toArray())),
                Double.NaN, false);
    }

    // ---------------------------------------------------------------- appendix

    private static void appendix(PdfCanvas canvas, DiagnosticReport report, PersonalData personal, String generated)
            throws IOException {
        canvas.newPage();
        canvas.heading(StakeholderText.get("section.appendix"), 16);
        if (!report.causes().isEmpty()) {
            // The causes told each symptom by its title; here is each one's measurement, number by number.
            canvas.heading(StakeholderText.get("section.findingsInDetail"), 12);
            int index = 1;
            for (Finding finding : report.findings()) {
                if (finding.severity() != Severity.INFO) {
                    finding(canvas, report, finding, index, personal, false);
                }
                index++;
            }
        }
        List<List<String>> numeric = new ArrayList<>();
        List<List<String>> categorical = new ArrayList<>();
        for (FeatureComparison feature : report.features()) {
            ColumnProfile train = feature.trainProfile();
            ColumnProfile prod = feature.prodProfile();
            DriftStatistics drift = feature.drift();
            boolean masked = personal.isFlagged(feature.name());
            if (!train.quantiles().isEmpty()) {
                numeric.add(List.of(feature.name(),
                        Numbers.percent(train.missingRate()), prod == null ? Numbers.NONE : Numbers.percent(prod.missingRate()),
                        masked ? "•" : Numbers.number(train.mean()), masked ? "•" : prod == null ? Numbers.NONE : Numbers.number(prod.mean()),
                        masked ? "•" : Numbers.number(train.quantiles().get("p50")),
                        masked ? "•" : prod == null ? Numbers.NONE : Numbers.number(prod.quantiles().get("p50")),
                        drift == null ? Numbers.NONE : Numbers.number(drift.ks().statistic()),
                        drift == null ? Numbers.NONE : Numbers.number(drift.psi()),
                        drift == null ? Numbers.NONE : Numbers.number(drift.wassersteinRelative())));
            } else {
                categorical.add(List.of(feature.name(),
                        Numbers.percent(train.missingRate()), prod == null ? Numbers.NONE : Numbers.percent(prod.missingRate()),
                        Numbers.count(train.distinct()), prod == null ? Numbers.NONE : Numbers.count(prod.distinct()),
                        drift == null || drift.isNumeric() ? Numbers.NONE : Numbers.number(drift.totalVariationPooled()),
                        drift == null || drift.isNumeric() ? Numbers.NONE : Numbers.number(drift.jensenShannon()),
                        drift == null || drift.isNumeric() ? Numbers.NONE : Numbers.number(drift.cramersV()),
                        drift == null || drift.isNumeric() ? Numbers.NONE : Numbers.number(drift.chiSquare().pValue())));
            }
        }
        if (!numeric.isEmpty()) {
            canvas.heading(StakeholderText.get("section.numeric"), 11);
            canvas.table(List.of("Column", "Missing train", "Missing prod", "Mean train", "Mean prod",
                            "Median train", "Median prod", "KS distance", "PSI", "Wasser- stein / sd"),
                    new float[]{83, 40, 40, 52, 52, 52, 52, 40, 40, 44}, numeric, 7);
        }
        if (!categorical.isEmpty()) {
            canvas.heading(StakeholderText.get("section.categorical"), 11);
            canvas.table(List.of("Column", "Missing train", "Missing prod", "Distinct train",
                            "Distinct prod", "Total variation (pooled)", "Jensen- Shannon", "Cramér's V", "χ² p-value"),
                    new float[]{95, 44, 44, 48, 48, 56, 52, 48, 60}, categorical, 7);
        }
        if (report.explanations() != null && !report.explanations().rows().isEmpty()) {
            explainedRows(canvas, report.explanations(), report.inputs().target(),
                    report.model() != null && "binary".equals(report.model().task()) ? "Probability of " + CauseWords.positive(report)
                            : "Prediction");
        }
        canvas.heading(StakeholderText.get("section.inputs"), 11);
        List<List<String>> inputs = new ArrayList<>();
        List<String> sides = report.inputs().reference() == null ? List.of("train", "prod") : List.of("train", "reference", "prod");
        for (String side : sides) {
            Snapshot snapshot = switch (side) {
                case "train" -> report.inputs().train();
                case "reference" -> report.inputs().reference();
                default -> report.inputs().prod();
            };
            inputs.add(List.of(StakeholderText.get("side." + side), snapshot.source().path().toString()));
            inputs.add(List.of("", snapshot.source().format() + " · " + Numbers.count(snapshot.rows()) + " rows · "
                    + snapshot.columns().size() + " columns"));
            inputs.add(List.of("", "SHA-256 " + snapshot.source().sha256()));
        }
        if (report.model() != null) {
            inputs.add(List.of("Model", report.model().type() + (report.model().path() == null ? "" : " · " + report.model().path())));
        }
        inputs.add(List.of("Tool", "ModelLens " + report.toolVersion() + " · generated " + generated));
        canvas.table(List.of("", ""), new float[]{80, 415}, inputs, 7.5f, false);
        canvas.heading(StakeholderText.get("section.settings"), 11);
        List<List<String>> settings = new ArrayList<>();
        for (Map.Entry<String, Double> setting : new TreeMap<>(report.settings()).entrySet()) {
            // A seed is a name, not a quantity: no thousands separators.
            settings.add(List.of(setting.getKey(), setting.getKey().endsWith("seed")
                    ? Numbers.plain(Math.round(setting.getValue())) : Numbers.number(setting.getValue())));
        }
        canvas.table(List.of("Setting", "Value"), new float[]{250, 80}, settings, 7.5f);
    }

    private static void explainedRows(PdfCanvas canvas, Explanations explanations, String target, String prediction)
            throws IOException {
        canvas.heading(StakeholderText.get("section.rowExplanations"), 11);
        canvas.paragraph(canvas.regular, 8, PdfCanvas.MUTED, 0, "The first " + Math.min(EXPLAINED_ROWS_SHOWN, explanations.rows().size())
                + " of " + explanations.rows().size() + " explained rows; base value + contributions = output. "
                + "The three largest contributions are listed; the Excel and JSON reports hold every one.");
        List<List<String>> rows = new ArrayList<>();
        for (Explanations.RowExplanation row : explanations.rows().stream().limit(EXPLAINED_ROWS_SHOWN).toList()) {
            String largest = row.contributions().entrySet().stream()
                    .sorted((a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue())))
                    .limit(3)
                    .map(e -> e.getKey() + " " + Numbers.number(e.getValue()))
                    .collect(Collectors.joining(", "));
            rows.add(List.of(String.valueOf(row.rowIndex()), Numbers.number(row.prediction()),
                    Numbers.number(row.margin()), Numbers.number(row.baseValue()), largest));
        }
        String units = explanations.unitsFor(target);
        canvas.table(List.of("Row", prediction, "Output (" + units + ")", "Base value (" + units + ")",
                        "Largest contributions (" + units + ")"),
                new float[]{40, 55, 55, 55, 290}, rows, 7.5f);
    }

    // ---------------------------------------------------------------- page furniture

    /** Title, date and "Page i of n" on every page, added once the number of pages is known. */
    private static void decorate(PdfCanvas canvas, String generated) throws IOException {
        int pages = canvas.document.getNumberOfPages();
        int number = 1;
        for (PDPage page : canvas.document.getPages()) {
            try (PDPageContentStream stream = new PDPageContentStream(canvas.document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                float y = PdfCanvas.BOTTOM - 28;
                // Page furniture: an artifact, outside the document's structure.
                stream.beginMarkedContent(org.apache.pdfbox.cos.COSName.ARTIFACT);
                stream.setStrokingColor(PdfCanvas.RULE[0], PdfCanvas.RULE[1], PdfCanvas.RULE[2]);
                stream.setLineWidth(0.5f);
                stream.moveTo(PdfCanvas.MARGIN, y + 12);
                stream.lineTo(PdfCanvas.MARGIN + PdfCanvas.WIDTH, y + 12);
                stream.stroke();
                footerText(stream, canvas, PdfCanvas.MARGIN, y, "ModelLens · " + StakeholderText.get("report.title") + " · " + generated);
                String pageText = "Page " + number + " of " + pages;
                footerText(stream, canvas, PdfCanvas.MARGIN + PdfCanvas.WIDTH - canvas.width(canvas.regular, 8, pageText), y, pageText);
                stream.endMarkedContent();
            }
            number++;
        }
    }

    private static void footerText(PDPageContentStream stream, PdfCanvas canvas, float x, float y, String text) throws IOException {
        stream.beginText();
        stream.setFont(canvas.regular, 8);
        stream.setNonStrokingColor(PdfCanvas.MUTED[0], PdfCanvas.MUTED[1], PdfCanvas.MUTED[2]);
        stream.newLineAtOffset(x, y);
        stream.showText(canvas.printable(canvas.regular, text));
        stream.endText();
    }

    private static void info(PdfCanvas canvas, DiagnosticReport report, ZonedDateTime now) {
        PDDocumentInformation info = canvas.document.getDocumentInformation();
        info.setTitle(StakeholderText.get("report.title") + ": " + report.inputs().train().source().path().getFileName()
                + " vs " + report.inputs().prod().source().path().getFileName());
        info.setCreator("ModelLens " + report.toolVersion());
        info.setSubject("verdict " + report.verdict());
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        created.setTimeInMillis(now.toInstant().toEpochMilli());
        info.setCreationDate(created);
    }
}
