package org.modellens.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.Failures;
import org.modellens.causes.Cause;
import org.modellens.causes.CauseImpact;
import org.modellens.causes.CauseRanking;
import org.modellens.checks.Severity;
import org.modellens.data.AtomicFiles;
import org.modellens.data.UnreadableInputException;
import org.modellens.explain.ExplainRows;
import org.modellens.report.DiagnosticReport;
import org.modellens.report.ReportComparison;
import org.modellens.report.ReportFormats;
import org.modellens.report.ReportWriter;
import org.modellens.settings.Settings;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code diagnose}: compares a training and a production snapshot and writes the JSON report.
 * Exit 0 when no finding reaches {@code --fail-on}, 1 when one does, 2 on bad usage or unreadable
 * input (one line on stderr, no stack trace).
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true, version = "ModelLens " + Diagnosis.VERSION,
        description = "Compare a training and a production snapshot and report why a model may fail.")
public final class DiagnoseCommand implements Callable<Integer> {

    /** User-facing text, from the ui-resources bundle; loaded on first use (see {@link ProgressLines}). */
    private static final class Words {
        static final java.util.ResourceBundle TEXT = org.modellens.TextBundles.load("org.modellens.ui.messages");
    }

    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_BAD_INPUT = 2;

    @Option(names = "--train", required = true, paramLabel = "TRAIN", description = "Training snapshot (CSV, Parquet, XLSX) or profile (.mlprofile).")
    Path train;

    @Option(names = "--prod", required = true, paramLabel = "PROD", description = "Production snapshot (CSV, Parquet, XLSX) or profile (.mlprofile).")
    Path prod;

    @Option(names = "--target", paramLabel = "COLUMN", description = "Target (label) column.")
    String target;

    @Option(names = "--task", defaultValue = "auto", paramLabel = "TASK",
            description = "auto, binary, multiclass or regression (default: ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--categorical", split = ",", paramLabel = "COLUMNS", description = "Columns to treat as categorical.")
    List<String> categorical = List.of();

    @Option(names = "--numeric", split = ",", paramLabel = "COLUMNS", description = "Columns to treat as numeric.")
    List<String> numeric = List.of();

    @Option(names = "--model", paramLabel = "MODEL_FILE",
            description = "Model to apply and explain, its format told by content: XGBoost JSON or UBJSON (save_model), "
                    + "LightGBM text (save_model), CatBoost JSON (save_model(..., format='json')), ONNX (tree ensembles such "
                    + "as scikit-learn's read as trees; Tribuo through its ONNX export).")
    Path model;

    @Option(names = "--model-features", split = ",", paramLabel = "COLUMNS",
            description = "The model's input columns in model order, when the model file does not name them.")
    List<String> modelFeatures = List.of();

    @Option(names = "--explain-rows", paramLabel = "ROWS",
            description = "Production rows to explain: all, the first N, or a 0-based range FROM-TO "
                    + "(default: the first 1000; 100 for models explained by sampling).")
    String explainRows;

    @Option(names = "--explain-classes", paramLabel = "predicted|all",
            description = "For a multiclass model: explain each row for its predicted class (default) or for every class.")
    String explainClasses;

    @Option(names = "--reference", paramLabel = "REF",
            description = "Held-out labelled data from the training period that the model never trained on: "
                    + "the baseline of every performance figure (without it the baseline is the training data, in-sample).")
    Path reference;

    @Option(names = "--time-column", paramLabel = "COLUMN",
            description = "Production's time column: production is read chunk by chunk over time.")
    String timeColumn;

    @Option(names = "--chunk", paramLabel = "CHUNK",
            description = "day, week, month or a row count (default: chosen from the time span and row count).")
    String chunk;

    @Option(names = "--compare-to", paramLabel = "PREVIOUS.json",
            description = "A previous JSON report: say which findings are new, gone, worse or better since then.")
    Path compareTo;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Write the JSON report here ('-' for standard output).")
    String json;

    @Option(names = "--xlsx", paramLabel = "OUT.xlsx", description = "Write the Excel report for stakeholders here.")
    Path xlsx;

    @Option(names = "--pdf", paramLabel = "OUT.pdf", description = "Write the PDF report for stakeholders here.")
    Path pdf;

    @Option(names = "--settings", paramLabel = "FILE", description = "Threshold overrides (properties file).")
    Path settingsFile;

    @Option(names = "--fail-on", defaultValue = "fail", paramLabel = "LEVEL",
            description = "warn, fail or never: exit 1 when a finding at this level exists (default: ${DEFAULT-VALUE}).")
    String failOn;

    private PrintStream out = System.out;
    private PrintStream err = System.err;

    /** Runs the command line and returns the exit code; never throws, never prints a stack trace. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        try {
            return executeCommand(args, out, err);
        } catch (OutOfMemoryError | StackOverflowError | RuntimeException e) {
            // The outermost layer: whatever a hostile file provoked ends in one line and exit 2.
            err.println("modellens: " + Failures.describe(e));
            return EXIT_BAD_INPUT;
        }
    }

    private static int executeCommand(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && "profile".equals(args[0])) {
            return ProfileCommand.execute(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        if (args.length == 0 || !"diagnose".equals(args[0])) {
            err.println(Words.TEXT.getString("cli.usage"));
            err.println(Words.TEXT.getString("cli.usage.help"));
            return args.length == 0 ? EXIT_OK : EXIT_BAD_INPUT;
        }
        String[] options = java.util.Arrays.copyOfRange(args, 1, args.length);
        DiagnoseCommand quick = new DiagnoseCommand();
        quick.out = out;
        quick.err = err;
        if (quick.readQuickly(options)) {
            // What picocli's execute does with a parsed line; a RuntimeException ends in execute's one line, as through picocli.
            return quick.call();
        }
        DiagnoseCommand command = new DiagnoseCommand();
        command.out = out;
        command.err = err;
        CommandLine commandLine = new CommandLine(command)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setParameterExceptionHandler((e, a) -> {
                    err.println("modellens: " + e.getMessage());
                    return EXIT_BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, cl, parsed) -> {
                    err.println("modellens: " + Failures.describe(e));
                    return EXIT_BAD_INPUT;
                });
        return commandLine.execute(options);
    }

    /** The options {@link #readQuickly} knows: every {@code @Option} but help and version (a test holds the two lists equal). */
    static final Set<String> QUICK_SINGLE = Set.of("--train", "--prod", "--target", "--task", "--model", "--explain-rows",
            "--explain-classes", "--reference", "--time-column", "--chunk", "--compare-to", "--json", "--xlsx", "--pdf",
            "--settings", "--fail-on");
    static final Set<String> QUICK_LISTS = Set.of("--categorical", "--numeric", "--model-features");

    /**
     * Sets the options from a plain, valid command line exactly as picocli would ({@link QuickArgs});
     * false, with nothing to be used, for any other line, which picocli then reads.
     */
    boolean readQuickly(String[] options) {
        Map<String, List<String>> values = QuickArgs.parse(options, QUICK_SINGLE, QUICK_LISTS);
        if (values == null || !values.containsKey("--train") || !values.containsKey("--prod")) {
            return false;
        }
        try {
            train = Path.of(values.get("--train").get(0));
            prod = Path.of(values.get("--prod").get(0));
            model = quickPath(values, "--model");
            reference = quickPath(values, "--reference");
            compareTo = quickPath(values, "--compare-to");
            xlsx = quickPath(values, "--xlsx");
            pdf = quickPath(values, "--pdf");
            settingsFile = quickPath(values, "--settings");
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
        target = quickString(values, "--target", null);
        task = quickString(values, "--task", "auto");
        explainRows = quickString(values, "--explain-rows", null);
        explainClasses = quickString(values, "--explain-classes", null);
        timeColumn = quickString(values, "--time-column", null);
        chunk = quickString(values, "--chunk", null);
        json = quickString(values, "--json", null);
        failOn = quickString(values, "--fail-on", "fail");
        categorical = values.getOrDefault("--categorical", categorical);
        numeric = values.getOrDefault("--numeric", numeric);
        modelFeatures = values.getOrDefault("--model-features", modelFeatures);
        return true;
    }

    private static Path quickPath(Map<String, List<String>> values, String name) {
        List<String> given = values.get(name);
        return given == null ? null : Path.of(given.get(0));
    }

    private static String quickString(Map<String, List<String>> values, String name, String absent) {
        List<String> given = values.get(name);
        return given == null ? absent : given.get(0);
    }

    @Override
    public Integer call() {
        Severity threshold;
        switch (failOn.toLowerCase(Locale.ROOT)) {
            case "warn" -> threshold = Severity.WARN;
            case "fail" -> threshold = Severity.FAIL;
            case "never" -> threshold = null;
            default -> {
                err.println("modellens: --fail-on must be warn, fail or never, not '" + failOn + "'");
                return EXIT_BAD_INPUT;
            }
        }
        if (!Set.of("auto", "binary", "multiclass", "regression").contains(task)) {
            err.println("modellens: --task must be auto, binary, multiclass or regression, not '" + task + "'");
            return EXIT_BAD_INPUT;
        }
        // The text bundle and the message formatter are set up by the progress lines' thread while this one reads
        // the settings.
        try (ProgressLines progress = new ProgressLines(err,
                () -> java.text.MessageFormat.format(Words.TEXT.getString("cli.causes"), 1))) {
            refuseOverwritingInputs();
            Settings settings = settingsFile == null ? Settings.defaults() : Settings.withOverrides(settingsFile);
            ExplainRows rows = explainRows == null ? null : ExplainRows.parse(explainRows);
            if (explainClasses != null && ExplainRows.parseAllClasses(explainClasses)) {
                rows = rows == null ? ExplainRows.DEFAULT_ROWS_ALL_CLASSES : rows.withAllClasses(true);
            }
            ReportComparison.Previous previous = compareTo == null ? null : ReportComparison.read(compareTo);
            DiagnosisRequest request = new DiagnosisRequest(train, prod, target, task,
                    new LinkedHashSet<>(categorical), new LinkedHashSet<>(numeric), settings, model, modelFeatures, rows,
                    reference, timeColumn, chunk);
            DiagnosticReport report = Diagnosis.run(request, progress);
            progress.close();
            if (previous != null) {
                report = report.withComparison(previous.compareWith(report.findings()));
            }
            writeJson(report);
            writeStakeholderReports(report);
            printSummary(report);
            // The model's performance against its baseline, saying when that baseline is in-sample.
            org.modellens.causes.PerformanceText.lines(report.performance()).forEach(err::println);
            printTimeline(report);
            printComparison(report.comparison());
            printOutcome(report, threshold);
            Severity worst = report.worstSeverity();
            return threshold != null && worst != null && worst.atLeast(threshold) ? EXIT_FINDINGS : EXIT_OK;
        } catch (UnreadableInputException | IllegalArgumentException e) {
            err.println("modellens: " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println("modellens: " + e.getFile() + ": no such file");
            return EXIT_BAD_INPUT;
        } catch (IOException e) {
            err.println("modellens: " + e.getMessage());
            return EXIT_BAD_INPUT;
        }
    }

    /** An output naming an input (or another output) would destroy it and still exit 0: refused before any work. */
    private void refuseOverwritingInputs() throws UnreadableInputException {
        java.util.Map<String, Path> inputs = new java.util.LinkedHashMap<>();
        inputs.put("--train", train);
        inputs.put("--prod", prod);
        inputs.put("--reference", reference);
        inputs.put("--model", model);
        inputs.put("--settings", settingsFile);
        inputs.put("--compare-to", compareTo);
        java.util.Map<String, Path> outputs = new java.util.LinkedHashMap<>();
        outputs.put("--json", json == null || "-".equals(json) ? null : Path.of(json));
        outputs.put("--xlsx", xlsx);
        outputs.put("--pdf", pdf);
        org.modellens.data.InputFiles.checkOutputs(inputs, outputs);
    }

    private void writeJson(DiagnosticReport report) throws IOException {
        if (json == null) {
            return;
        }
        ReportWriter writer = ReportFormats.JSON.writer();
        if ("-".equals(json)) {
            writer.write(report, out);
            out.println();
            out.flush();
            return;
        }
        AtomicFiles.write(Path.of(json), stream -> writer.write(report, stream));
    }

    /** The Excel and PDF reports are independent: written on both cores, each file whole or not at all. */
    private void writeStakeholderReports(DiagnosticReport report) throws IOException {
        java.util.concurrent.CompletableFuture<Void> excel = xlsx == null ? java.util.concurrent.CompletableFuture.completedFuture(null)
                : java.util.concurrent.CompletableFuture.runAsync(() -> {
                    try {
                        write(ReportFormats.EXCEL, report, xlsx);
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        try {
            if (pdf != null) {
                write(ReportFormats.PDF, report, pdf);
            }
        } finally {
            // Never return (and exit) while the workbook is half written.
            try {
                excel.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof java.io.UncheckedIOException io) {
                    throw io.getCause();
                }
                throw e;
            }
        }
    }

    private static void write(ReportFormats format, DiagnosticReport report, Path file) throws IOException {
        ReportWriter writer = format.writer();
        AtomicFiles.write(file, stream -> writer.write(report, stream));
    }

    private void printComparison(ReportComparison comparison) {
        if (comparison == null) {
            return;
        }
        err.printf(Locale.ROOT, "Since %s: %d new, %d worse, %d better, %d gone%n", comparison.previous(),
                comparison.count(ReportComparison.Status.NEW), comparison.count(ReportComparison.Status.WORSE),
                comparison.count(ReportComparison.Status.BETTER), comparison.count(ReportComparison.Status.GONE));
        comparison.changes().forEach(c -> err.println("  " + c.status().jsonName().toUpperCase(Locale.ROOT) + "  " + c.title()));
    }

    /** When each change began, in words: what a person asks first ("since when?"). */
    private void printTimeline(DiagnosticReport report) {
        org.modellens.timeline.Timeline timeline = report.timeline();
        if (timeline == null) {
            return;
        }
        err.println(java.text.MessageFormat.format(Words.TEXT.getString("cli.timeline"), timeline.column(), timeline.chunk(),
                timeline.chunks().size(), timeline.changePoints().size()));
        timeline.changePoints().forEach(point -> err.println("  " + point.sentence()
                + (point.cause() > 0 ? java.text.MessageFormat.format(Words.TEXT.getString("cli.timeline.cause"), point.cause()) : "")));
    }

    /** How many causes the summary names; the JSON report lists them all. */
    private static final int SUMMARY_CAUSES = 5;

    /** The verdict and the costliest causes with what each costs the model. */
    private void printSummary(DiagnosticReport report) {
        err.println(java.text.MessageFormat.format(Words.TEXT.getString("cli.verdict"), report.verdict(),
                report.counts().get(Severity.FAIL), report.counts().get(Severity.WARN), report.counts().get(Severity.INFO)));
        List<Cause> causes = report.causes();
        if (!causes.isEmpty()) {
            err.println(java.text.MessageFormat.format(Words.TEXT.getString("cli.causes"), causes.size()));
            for (Cause cause : causes.subList(0, Math.min(SUMMARY_CAUSES, causes.size()))) {
                err.printf(Locale.ROOT, "  %d. %-4s  %s%n", cause.rank(), cause.severity().jsonName().toUpperCase(Locale.ROOT),
                        cause.title());
                err.println("           " + impact(cause, report));
            }
            if (causes.size() > SUMMARY_CAUSES) {
                err.println("  " + java.text.MessageFormat.format(Words.TEXT.getString("cli.causes.more"), causes.size() - SUMMARY_CAUSES));
            }
        }
    }

    /** Where the reports went, and why the exit code is 1 when it is. */
    private void printOutcome(DiagnosticReport report, Severity threshold) {
        List<String> written = new java.util.ArrayList<>();
        if (json != null) {
            written.add("-".equals(json) ? Words.TEXT.getString("cli.reports.stdout") : Path.of(json).toAbsolutePath().toString());
        }
        for (Path file : java.util.Arrays.asList(xlsx, pdf)) {
            if (file != null) {
                written.add(file.toAbsolutePath().toString());
            }
        }
        err.println(written.isEmpty() ? Words.TEXT.getString("cli.reports.none")
                : java.text.MessageFormat.format(Words.TEXT.getString("cli.reports.written"), String.join(", ", written)));
        Severity worst = report.worstSeverity();
        if (threshold != null && worst != null && worst.atLeast(threshold)) {
            err.println(java.text.MessageFormat.format(Words.TEXT.getString("cli.exit.findings"), threshold.jsonName()));
        }
    }

    /** One line of what a cause costs: model input or not, rows touched, prediction shift, performance recovered. */
    private static String impact(Cause cause, DiagnosticReport report) {
        CauseImpact impact = cause.impact();
        List<String> parts = new java.util.ArrayList<>();
        // Said of causes on columns; a concept or label shift, duplicates and the like are about the data as a whole.
        if (report.model() != null && (cause.modelInput() || CauseRanking.onUnusedColumns(cause))) {
            parts.add(Words.TEXT.getString(cause.modelInput() ? "cli.cause.modelInput" : "cli.cause.notModelInput"));
        }
        parts.add(String.format(Locale.ROOT, "%,d rows (%.1f%%)", impact.rows(), 100 * impact.rowShare()));
        if (Double.isFinite(impact.predictionShift())) {
            String space = report.explanations() == null ? "" : report.explanations().space();
            parts.add(String.format(Locale.ROOT, "prediction shift %+.3f %s", impact.predictionShift(),
                    "margin".equals(space) && "binary".equals(report.inputs().task()) ? "log-odds" : space));
        }
        if (Double.isFinite(impact.decisionsChanged())) {
            parts.add(String.format(Locale.ROOT, "%.1f%% of decisions flipped", 100 * impact.decisionsChanged()));
        }
        CauseImpact.PerformanceImpact performance = impact.performance();
        if (performance != null && Double.isFinite(performance.recovered())) {
            parts.add(String.format(Locale.ROOT, "%s %+.4f when %s%s", performance.metric(), performance.recovered(),
                    "repair".equals(performance.method()) ? "repaired" : "removed (" + performance.method() + ")",
                    CauseRanking.material(performance, report.performance()) ? "" : " (within sampling error)"));
            // Ranked by another metric than the headline (AUC cannot see a changed class mix): say which, and by how much.
            String costliest = CauseRanking.costliestMetric(performance, report.performance());
            if (costliest != null && !costliest.equals(performance.metric())) {
                String name = Map.of("logLoss", "log-loss", "brier", "Brier score", "expectedCost", "expected cost")
                        .getOrDefault(costliest, costliest);
                parts.add(String.format(Locale.ROOT, "%s better by %.4f without it (%.2f times its sampling noise)", name,
                        performance.byMetric().get(costliest), CauseRanking.performanceCost(performance, report.performance())));
            }
        }
        return String.join("; ", parts);
    }
}
