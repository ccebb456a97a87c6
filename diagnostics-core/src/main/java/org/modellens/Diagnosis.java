package org.modellens;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.modellens.causes.Cause;
import org.modellens.causes.CauseGrouping;
import org.modellens.causes.CauseImpacts;
import org.modellens.causes.CauseRanking;
import org.modellens.checks.CheckContext;
import org.modellens.checks.Checks;
import org.modellens.checks.Finding;
import org.modellens.checks.InputFormatCheck;
import org.modellens.checks.ModelAssessment;
import org.modellens.checks.SchemaMismatchCheck;
import org.modellens.checks.Severity;
import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotLoader;
import org.modellens.data.StreamedCsvReader;
import org.modellens.data.UnreadableInputException;
import org.modellens.explain.ExplainRows;
import org.modellens.explain.Explainer;
import org.modellens.explain.Explainers;
import org.modellens.explain.ModelExplanations;
import org.modellens.explain.TreeShapExplainer;
import org.modellens.model.FeatureMatrix;
import org.modellens.model.Model;
import org.modellens.model.ModelLoader;
import org.modellens.model.ScoredModel;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.FeatureRole;
import org.modellens.profile.StreamedComparison;
import org.modellens.profile.format.Profile;
import org.modellens.profile.format.ProfileFiles;
import org.modellens.report.DiagnosticReport;
import org.modellens.report.Explanations;
import org.modellens.report.Inputs;
import org.modellens.report.ModelSection;
import org.modellens.report.PersonalDataMasking;
import org.modellens.report.ReportIdentity;
import org.modellens.settings.Settings;
import org.modellens.timeline.TimeAxis;
import org.modellens.timeline.TimelineBuilder;

/**
 * The one entry point of the core: reads both snapshots, profiles and compares every column, runs
 * every check and returns the report. The workbench and the command line both call it.
 */
public final class Diagnosis {

    /** Version written in reports. */
    public static final String VERSION = "0.1.0";

    private Diagnosis() {
    }

    public static DiagnosticReport run(DiagnosisRequest request, ProgressListener progress) throws UnreadableInputException {
        return OnEveryCore.call(() -> runHere(request, progress), ReportIdentity::prepare);
    }

    private static DiagnosticReport runHere(DiagnosisRequest request, ProgressListener progress) throws UnreadableInputException {
        // A broken model file is fatal and cheap to find: before the data is read.
        Model model = request.model() == null ? null : ModelLoader.load(request.model(), request.modelFeatures());
        Settings settings = request.settings();
        SnapshotLoader.Loaded<Profile> loaded = SnapshotLoader.load(new SnapshotLoader.Request(request.train(),
                request.prod(), request.reference(), request.categorical(), request.numeric(), request.target()),
                streaming(settings), new ProfileFiles(settings.get("outliers.rangeMultiple")), progress::stage);
        progress.stage("Inferring column types", 0.45);
        String target = request.target();
        List<Finding> notices = new ArrayList<>(notices(loaded.unknownOverrides()));
        ProfileFigures profiles = new ProfileFigures(request, loaded.profiles(), model);
        notices.addAll(profiles.notices(loaded));
        if (model != null && loaded.streamed()) {
            notices.add(new Finding(InputFormatCheck.ID, null, Severity.INFO,
                    "The model was not applied: the files are too large to score row by row here",
                    "Above largeInput.streamAboveMegabytes the snapshots are streamed and only tallied and sampled; model "
                            + "scoring, explanations and the model checks need the rows in memory. Score a sample of "
                            + "production (or raise the setting) to include the model.",
                    Map.of("streamAboveMegabytes", settings.get("largeInput.streamAboveMegabytes")), null));
            model = null;
        }
        Snapshot reference = loaded.reference() == null ? null : reference(loaded.reference(), target, model);

        // Production over time: read the time column now, so unreadable times are a finding like any other.
        TimeAxis timeAxis = request.timeColumn() == null && request.chunk() == null ? null
                : loaded.profiles().prod() != null ? profiles.timeAxis(loaded.prod(), notices)
                : TimeAxis.of(loaded.prod(), request.timeColumn(), request.chunk(), settings);
        if (timeAxis != null) {
            timeAxis.notice().ifPresent(notices::add);
            // A streamed file's sample; a profile's is said by its own notices.
            loaded.prod().sampling().filter(sampling -> loaded.streamed() && sampling.sampled())
                    .ifPresent(sampling -> notices.add(new Finding(InputFormatCheck.ID,
                    null, Severity.INFO, "Production over time was measured on the sample of the streamed production file",
                    String.format(Locale.ROOT, "Each chunk holds the sampled rows of its period: %,d of the file's %,d rows in "
                            + "all, drawn uniformly, so a chunk's row count is about %.2f%% of its rows in the file and its "
                            + "statistics are those of that sample.", loaded.prod().rows(), sampling.fileRows(),
                            100.0 * loaded.prod().rows() / sampling.fileRows()),
                    Map.of("sampleRows", (long) loaded.prod().rows(), "fileRows", sampling.fileRows()), null)));
        }
        ModelInput modelInput = model == null ? null
                : new ModelInput(request.model(), model, request.explainRows(), profiles.everyRowModel());
        return profiles.complete(analyse(loaded.train(), loaded.prod(), reference, target, request.task(), settings,
                notices, progress, modelInput, timeAxis));
    }

    /** How large inputs are streamed, from the {@code largeInput.*} settings. */
    static SnapshotLoader.Streaming streaming(Settings s) {
        for (String key : List.of("largeInput.sampleRows", "largeInput.typeRows", "largeInput.maxCategories")) {
            if (s.getInt(key) < 1) {
                throw new IllegalArgumentException("setting '" + key + "' must be at least 1, not " + s.getInt(key));
            }
        }
        StreamedCsvReader.Options options = new StreamedCsvReader.Options(s.getInt("largeInput.sampleRows"),
                (long) s.get("largeInput.seed"), s.getInt("largeInput.typeRows"), s.getInt("largeInput.maxCategories"),
                s.get("outliers.rangeMultiple"));
        return new SnapshotLoader.Streaming((long) (s.get("largeInput.streamAboveMegabytes") * 1024 * 1024), options);
    }

    /** The type overrides naming a column a file lacks: one info notice each, naming option, column and file (said here only). */
    static List<Finding> notices(List<SnapshotLoader.UnknownOverride> unknown) {
        return unknown.stream().map(u -> new Finding(SchemaMismatchCheck.ID, u.column(), Severity.INFO,
                u.option() + " names " + u.column() + ", which " + u.file() + " does not have",
                "The type override for " + u.column() + " was ignored for " + u.file() + ".",
                Map.<String, Object>of("option", u.option(), "file", u.file()), null)).toList();
    }

    /**
     * The reference snapshot ({@code --reference}), read with training's types ({@link SnapshotLoader#load}), labelled.
     * A reference without the target or without a model input cannot be a baseline: fatal, named.
     */
    static Snapshot reference(Snapshot read, String target, Model model) throws UnreadableInputException {
        String file = read.source().fileName();
        if (target != null && !read.hasColumn(target)) {
            throw new UnreadableInputException(file + ": the reference data has no target column '" + target
                    + "'; held-out reference data must be labelled. Its columns are " + String.join(", ", read.columnNames()));
        }
        if (model != null) {
            List<String> absent = model.features().stream().filter(f -> !read.hasColumn(f)).toList();
            if (!absent.isEmpty()) {
                throw new UnreadableInputException(file + ": the reference data lacks the model input"
                        + (absent.size() == 1 ? " " : "s ") + String.join(", ", absent) + ", so the model cannot score it");
            }
        }
        return read;
    }

    /**
     * A loaded model to apply.
     *
     * @param path        the model file, as reported
     * @param model       the model
     * @param explainRows production rows to explain one by one, {@code null} for the default
     * @param everyRow    what the model made of every row of both snapshots (profiles), or {@code null}
     */
    public record ModelInput(Path path, Model model, ExplainRows explainRows, CheckContext.EveryRowModel everyRow) {

        public ModelInput(Path path, Model model, ExplainRows explainRows) {
            this(path, model, explainRows, null);
        }
    }

    /**
     * Analyses two snapshots already in memory: profiles and compares every column, runs every check.
     *
     * @param notices findings about the request itself, put in front of the checks' findings
     */
    public static DiagnosticReport analyse(Snapshot train, Snapshot prod, String target, String requestedTask,
                                           Settings settings, List<Finding> notices, ProgressListener progress) {
        return analyse(train, prod, target, requestedTask, settings, notices, progress, null);
    }

    /**
     * As {@link #analyse(Snapshot, Snapshot, String, String, Settings, List, ProgressListener)}, and
     * applies a model to both snapshots and explains it.
     *
     * @param modelInput the model, or {@code null} for a data-only diagnosis
     */
    public static DiagnosticReport analyse(Snapshot train, Snapshot prod, String target, String requestedTask,
                                           Settings settings, List<Finding> notices, ProgressListener progress,
                                           ModelInput modelInput) {
        return analyse(train, prod, null, target, requestedTask, settings, notices, progress, modelInput, null);
    }

    /**
     * As {@link #analyse(Snapshot, Snapshot, String, String, Settings, List, ProgressListener, ModelInput)}, and
     * measures production chunk by chunk.
     *
     * @param timeAxis production cut into chunks, or {@code null} for no timeline
     */
    public static DiagnosticReport analyse(Snapshot train, Snapshot prod, String target, String requestedTask,
                                           Settings settings, List<Finding> notices, ProgressListener progress,
                                           ModelInput modelInput, TimeAxis timeAxis) {
        return analyse(train, prod, null, target, requestedTask, settings, notices, progress, modelInput, timeAxis);
    }

    /**
     * As {@link #analyse(Snapshot, Snapshot, String, String, Settings, List, ProgressListener, ModelInput)}, with
     * held-out reference data as the baseline of every performance figure.
     *
     * @param reference labelled data of the training period the model never trained on, or {@code null}
     */
    public static DiagnosticReport analyse(Snapshot train, Snapshot prod, Snapshot reference, String target,
                                           String requestedTask, Settings settings, List<Finding> notices,
                                           ProgressListener progress, ModelInput modelInput) {
        return analyse(train, prod, reference, target, requestedTask, settings, notices, progress, modelInput, null);
    }

    /**
     * The whole analysis: with held-out reference data as the performance baseline ({@code null}: training,
     * in-sample) and production measured chunk by chunk ({@code timeAxis}, {@code null}: no timeline).
     */
    public static DiagnosticReport analyse(Snapshot train, Snapshot prod, Snapshot reference, String target,
                                           String requestedTask, Settings settings, List<Finding> notices,
                                           ProgressListener progress, ModelInput modelInput, TimeAxis timeAxis) {
        progress.stage("Comparing distributions", 0.45);
        // Bound to training now (as the checks' context would), so the counts made while comparing are the checks'.
        prod = prod.comparedWith(train, settings.get("outliers.rangeMultiple"));
        List<FeatureComparison> comparisons = compare(train, prod, target, settings);

        ScoredModel scored = null;
        if (modelInput != null) {
            progress.stage("Scoring the model", 0.6);
            scored = ScoredModel.score(modelInput.path(), modelInput.model(), train, prod);
        }

        progress.stage("Running checks", 0.8);
        CheckContext context = withReference(new CheckContext(train, prod, target, settings, comparisons,
                scored == null ? null : scored.run()), reference, scored).withEveryRow(modelInput == null ? null : modelInput.everyRow());
        List<Finding> findings = new ArrayList<>(notices);
        // Checks are independent and read-only over the context: run them on all cores, keep their order.
        Checks.all().parallelStream().map(check -> check.run(context)).toList().forEach(findings::addAll);
        if (train.sampling().isPresent() || prod.sampling().isPresent()) {
            findings = SampleEvidence.annotate(findings, comparisons, train, prod);
        }
        findings.sort(Comparator.comparing(Finding::severity).reversed());
        // Personal data is masked here, once, so every writer and view gets masked values.
        Set<String> personal = PersonalDataMasking.personalColumns(findings);
        findings = PersonalDataMasking.maskFindings(findings, personal);
        comparisons = PersonalDataMasking.maskComparisons(comparisons, personal);

        String task = target == null ? null
                : task(requestedTask == null ? "auto" : requestedTask, train.column(target).orElseThrow(), comparisons, target);
        ModelSection modelSection = null;
        Explanations explanations = null;
        if (scored != null) {
            progress.stage("Explaining the model", 0.9);
            modelSection = ModelAssessment.assess(context);
            explanations = explain(scored, modelInput.explainRows(), settings);
        }
        // Findings are final here (sorted, masked): causes point into this list. Their performance cost is measured
        // before ranking, which orders by it.
        List<Cause> causes = CauseGrouping.group(findings, context, explanations);
        if (scored != null) {
            progress.stage("Measuring what causes cost", 0.95);
        }
        CauseImpacts.Measured measured = CauseImpacts.measure(causes, findings, context, scored, reference);
        causes = CauseRanking.rank(measured.causes(), findings, scored != null, measured.performance());
        Inputs inputs = new Inputs(train, prod, target, task, reference);
        DiagnosticReport report = new DiagnosticReport(VERSION, inputs, findings, comparisons, settings.asMap(), modelSection,
                explanations).withCauses(causes, measured.performance()).withIdentity(ReportIdentity.of(settings, inputs, VERSION));
        if (timeAxis != null) {
            // Last: the change points are named after the report's causes.
            progress.stage("Measuring production over time", 0.95);
            report = report.withTimeline(TimelineBuilder.build(context, timeAxis, report.causes(),
                    scored == null ? null : TimelineBuilder.referenceOutcomes(scored, reference, target)));
        }
        progress.stage("Done", 1.0);
        return report;
    }

    /** The model-level checks compare production with the held-out reference, not the in-sample training rows. */
    private static CheckContext withReference(CheckContext context, Snapshot reference, ScoredModel scored) {
        if (reference == null) {
            return context;
        }
        boolean scorable = scored != null && FeatureMatrix.absentFeatures(reference, scored.model().features()).isEmpty();
        return context.withReference(reference,
                scorable ? scored.model().predict(FeatureMatrix.of(reference, scored.model().features())) : null);
    }

    /** Attributions for the model; {@code null} when neither side can be scored. */
    private static Explanations explain(ScoredModel scored, ExplainRows requested, Settings settings) {
        if (scored.train() == null && scored.prod() == null) {
            return null;
        }
        long seed = (long) settings.get("explain.seed");
        Explainer explainer = Explainers.forModel(scored.model(), scored.train(), settings.getInt("explain.permutation.count"),
                settings.getInt("explain.permutation.backgroundRows"), seed);
        if (explainer == null) {
            return null;
        }
        boolean exact = explainer instanceof TreeShapExplainer;
        // The model-agnostic estimate costs thousands of model calls a row: smaller defaults (see default-settings).
        ExplainRows rows = requested != null && !requested.equals(ExplainRows.DEFAULT_ROWS_ALL_CLASSES) ? requested
                : ExplainRows.first(settings.getInt(exact ? "explain.rows.default" : "explain.permutation.defaultRows"))
                        .withAllClasses(requested != null);
        int globalRows = settings.getInt(exact ? "explain.global.sampleRows" : "explain.permutation.globalSampleRows");
        return ModelExplanations.explain(scored.model(), explainer, scored.train(), scored.prod(), rows, globalRows, seed);
    }

    private static List<FeatureComparison> compare(Snapshot train, Snapshot prod, String target, Settings settings) {
        int top = settings.getInt("drift.categorical.topCategories");
        double minShare = settings.get("drift.categorical.minShare");
        // Columns are independent; a parallel stream uses both cores for the sorting-heavy statistics.
        boolean streamed = train.sampling().isPresent() || prod.sampling().isPresent();
        return train.columns().parallelStream()
                .map(column -> {
                    // Each column's exact counts, which several checks read, are counted here on all cores
                    // instead of by whichever check asks first (44 ms of the small case's checks on one core).
                    train.tally(column.name());
                    prod.tally(column.name());
                    return column;
                })
                .map(column -> streamed
                        ? StreamedComparison.compare(column, prod.column(column.name()).orElse(null),
                                train.sampling().orElse(null), prod.sampling().orElse(null), role(column, target), top, minShare)
                        : FeatureComparison.compare(column, prod.column(column.name()).orElse(null),
                                role(column, target), top, minShare))
                .toList();
    }

    private static FeatureRole role(Column column, String target) {
        if (column.name().equals(target)) {
            return FeatureRole.TARGET;
        }
        return column.identifier() ? FeatureRole.ID : FeatureRole.FEATURE;
    }

    private static String task(String requested, Column target, List<FeatureComparison> comparisons, String name) {
        if (!"auto".equals(requested)) {
            return requested;
        }
        if (target.type() == ColumnType.NUMERIC) {
            return "regression";
        }
        long classes = comparisons.stream().filter(c -> c.name().equals(name)).findFirst()
                .map(c -> c.trainProfile().distinct()).orElse(2L);
        return classes <= 2 ? "binary" : "multiclass";
    }
}
