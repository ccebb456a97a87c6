package org.modellens;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.modellens.checks.CheckContext;
import org.modellens.checks.Finding;
import org.modellens.checks.InputFormatCheck;
import org.modellens.checks.Severity;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotLoader;
import org.modellens.data.UnreadableInputException;
import org.modellens.explain.ModelExplanations;
import org.modellens.model.Model;
import org.modellens.profile.format.ModelSummary;
import org.modellens.profile.format.Profile;
import org.modellens.report.DiagnosticReport;
import org.modellens.report.Explanations;
import org.modellens.timeline.TimeAxis;

/**
 * What a diagnosis takes from profiles ({@code .mlprofile}, DESIGN.md section 7) beyond the snapshots
 * the input step made of them ({@link SnapshotLoader}: each profile's sample, carrying the exact figures
 * of every row): the notices saying what ran on a sample, what the model made of every row (the
 * profiles' model summaries, when made with this very model file) and the timeline from the
 * production profile's chunk profiles. This is analysis, not reading: it needs the checks', the
 * timeline's and the report's types, which the input step in {@code org.modellens.data} must not know.
 */
final class ProfileFigures {

    private final DiagnosisRequest request;
    private final SnapshotLoader.Profiles<Profile> profiles;
    private final ModelSummary trainModel;
    private final ModelSummary prodModel;
    private final boolean scored;
    private final boolean everyRow;
    private final boolean scores;

    /**
     * @param profiles the profile each side was read from
     * @param model    the model to apply, or {@code null}
     */
    ProfileFigures(DiagnosisRequest request, SnapshotLoader.Profiles<Profile> profiles, Model model)
            throws UnreadableInputException {
        this.request = request;
        this.profiles = profiles;
        this.trainModel = summary(profiles.train(), request.model());
        this.prodModel = summary(profiles.prod(), request.model());
        this.scored = model != null && trainModel != null && prodModel != null;
        this.everyRow = scored && !Double.isNaN(trainModel.baseValue()) && !Double.isNaN(prodModel.baseValue());
        this.scores = scored && trainModel.hasScores() && prodModel.hasScores() && trainModel.scoreRows() > 0
                && prodModel.scoreRows() > 0;
    }

    /** What the model made of every row of both sides, when both profiles were made with this model file; else null. */
    CheckContext.EveryRowModel everyRowModel() {
        return scored ? new CheckContext.EveryRowModel(trainModel, prodModel) : null;
    }

    /** Per profiled side, what its figures were computed on; then which model figures are over every row. */
    List<Finding> notices(SnapshotLoader.Loaded<Profile> loaded) {
        List<Finding> notices = new ArrayList<>();
        if (profiles.train() != null) {
            notice(profiles.train(), "training", loaded.train(), notices);
            if (!request.categorical().isEmpty() || !request.numeric().isEmpty()) {
                notices.add(new Finding(InputFormatCheck.ID, null, Severity.INFO,
                        "Type overrides do not apply to the training profile " + name(request.train()),
                        "A profile's column types were fixed when it was made; make it again with --categorical or "
                                + "--numeric to change them.",
                        Map.of("file", name(request.train())), null));
            }
        }
        if (profiles.prod() != null) {
            notice(profiles.prod(), "production", loaded.prod(), notices);
        }
        if (profiles.reference() != null) {
            notice(profiles.reference(), "reference", loaded.reference(), notices);
        }
        if (everyRow || scores) {
            String fromAll = (everyRow ? "the global importance, the mean contributions and the attribution drift" : "")
                    + (everyRow && scores ? ", and " : "") + (scores ? "the prediction-drift check (scores' KLL sketches, "
                    + "exact means)" : "");
            notices.add(new Finding(InputFormatCheck.ID, null, Severity.INFO,
                    "Model figures over every row, from the profiles' model summaries",
                    String.format(Locale.ROOT, "Both profiles were made with %s scoring every row: %s are over all %,d "
                            + "training and %,d production rows; row explanations, performance, the other model checks and "
                            + "the causes' model impact ran on the samples.",
                            name(request.model()), fromAll, trainModel.rows(), prodModel.rows()),
                    Map.of("trainRows", trainModel.rows(), "prodRows", prodModel.rows(), "model", trainModel.model()), null));
        }
        return notices;
    }

    /** The report, with its global importance, mean contributions and attribution drift over every row where the profiles hold them. */
    DiagnosticReport complete(DiagnosticReport report) {
        return everyRow ? withEveryRow(report, trainModel, prodModel) : report;
    }

    /**
     * Production over time, when production is a profile: from its chunk profiles (every row) when it was chunked
     * by this time column in a period the request can be made of; else on its sample, said so.
     */
    TimeAxis timeAxis(Snapshot prod, List<Finding> notices) throws UnreadableInputException {
        Profile prodProfile = profiles.prod();
        TimeAxis axis = TimeAxis.ofProfile(prodProfile, request.timeColumn(), request.chunk(), request.settings(),
                prodModel != null);
        String file = name(request.prod());
        if (axis != null) {
            notices.add(new Finding(InputFormatCheck.ID, null, Severity.INFO,
                    "The timeline is over every production row, from the chunk profiles in " + file,
                    String.format(Locale.ROOT, "%s holds a profile per %s of %s: each chunk's counts, missing rates, category "
                            + "mixes and values beyond the training range are exact for all its rows, its KS distance within "
                            + "the quantile sketch's rank error (%.2f%%)%s; performance per chunk needs labelled rows and is "
                            + "not measured from chunk profiles.", file, prodProfile.chunkPeriod().orElse("?"),
                            request.timeColumn(), 100 * prodProfile.options().rankError(),
                            prodModel != null ? ", its prediction mean exact" : ""),
                    Map.of("file", file, "chunks", prodProfile.chunks().size(), "timeColumn", request.timeColumn()), null));
            return axis;
        }
        if (request.timeColumn() != null) {
            notices.add(new Finding(InputFormatCheck.ID, null, Severity.INFO,
                    "The timeline is cut from the production profile's sample of " + prodProfile.sample().size() + " rows",
                    file + (prodProfile.chunkColumn().isEmpty() ? " holds no chunk profiles"
                            : " holds chunk profiles per " + prodProfile.chunkPeriod().orElse("?") + " of "
                            + prodProfile.chunkColumn().get() + ", which cannot make the chunks asked for")
                            + "; profile production with the Spark job's --time-column " + request.timeColumn()
                            + " for a timeline over every row.",
                    Map.of("file", file), null));
        }
        return TimeAxis.of(prod, request.timeColumn(), request.chunk(), request.settings());
    }

    /** The profile's model summary when it was made with this very model file (name and SHA-256), else null. */
    private static ModelSummary summary(Profile profile, Path modelFile) throws UnreadableInputException {
        if (profile == null || modelFile == null || profile.model().isEmpty()) {
            return null;
        }
        ModelSummary summary = profile.model().get();
        return summary.madeWith(modelFile) ? summary : null;
    }

    /** The report with its global importance, mean contributions and attribution drift from every row. */
    private static DiagnosticReport withEveryRow(DiagnosticReport report,
                                                                      ModelSummary train, ModelSummary prod) {
        Explanations e = report.explanations();
        if (e == null || !"tree-shap".equals(e.method())) {
            return report;
        }
        Map<String, Double> globalTrain = importance(train);
        Map<String, Double> globalProd = importance(prod);
        Explanations all = new Explanations(e.space(), e.method(), globalTrain, globalProd, e.rows(),
                ModelExplanations.drift(globalTrain, globalProd), means(train), means(prod),
                e.samplesTrain(), e.samplesProd(), e.units());
        return new DiagnosticReport(report.toolVersion(), report.inputs(), report.findings(),
                report.features(), report.settings(), report.model(), all, report.causes(), report.performance(),
                report.timeline(), report.comparison(), report.identity());
    }

    /** Mean |contribution| per feature, largest first (ties in model order), as the explanations order it. */
    private static Map<String, Double> importance(ModelSummary s) {
        double[] mean = s.meanAbsContributions();
        Integer[] order = new Integer[mean.length];
        for (int j = 0; j < order.length; j++) {
            order[j] = j;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(mean[b], mean[a]));
        Map<String, Double> importance = new LinkedHashMap<>();
        for (int j : order) {
            importance.put(s.features().get(j), mean[j]);
        }
        return importance;
    }

    private static Explanations.ContributionMeans means(ModelSummary s) {
        Map<String, Double> contributions = new LinkedHashMap<>();
        double[] mean = s.meanContributions();
        for (int j = 0; j < mean.length; j++) {
            contributions.put(s.features().get(j), mean[j]);
        }
        return new Explanations.ContributionMeans(s.rows(), s.predictionMean(), s.baseValue(), contributions);
    }

    /** Says what a profiled side's figures were computed on. */
    private static void notice(Profile profile, String side, Snapshot snapshot, List<Finding> notices) {
        String file = snapshot.source().fileName();
        long sample = profile.sample().size();
        notices.add(new Finding(InputFormatCheck.ID, null, Severity.INFO,
                String.format(Locale.ROOT, "The %s data was read from the profile %s (%,d rows)", side, file, profile.rows()),
                String.format(Locale.ROOT, "Counts, missing values, ranges, means, category counts and duplicates are "
                        + "exact for all %,d rows of %s; distribution statistics and the checks that need rows (drift "
                        + "tests, outliers on the sample, PII, leakage, model scoring) ran on its seeded uniform sample "
                        + "of %,d rows; counts of values beyond the training range are exact up to 1,000 such values, "
                        + "past that estimated from a quantile sketch (rank error %.2f%% of the rows at most).",
                        profile.rows(), profile.source(), sample, 100 * profile.options().rankError()),
                Map.of("file", file, "snapshot", side, "rows", profile.rows(), "sampleRows", sample,
                        "producer", profile.producer(), "quantileRankError", profile.options().rankError()),
                null));
    }

    private static String name(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }
}
