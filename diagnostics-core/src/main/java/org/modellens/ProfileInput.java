package org.modellens;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.modellens.checks.Finding;
import org.modellens.checks.InputFormatCheck;
import org.modellens.checks.SchemaMismatchCheck;
import org.modellens.checks.Severity;
import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.data.RawTable;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotBuilder;
import org.modellens.data.SnapshotLoader;
import org.modellens.data.SnapshotReaders;
import org.modellens.data.SourceInfo;
import org.modellens.data.UnreadableInputException;
import org.modellens.model.Model;
import org.modellens.profile.format.ModelSummary;
import org.modellens.profile.format.Profile;
import org.modellens.profile.format.ProfileFormat;
import org.modellens.profile.format.ProfileSnapshots;
import org.modellens.report.Explanations;
import org.modellens.settings.Settings;

/**
 * Diagnosis where a snapshot is a profile ({@code .mlprofile}, DESIGN.md section 7): the profile
 * becomes a snapshot of its uniform sample carrying the exact figures of every row, the shape the
 * streamed path gives, and the analysis runs on it. The other side may be a profile or a file. Checks
 * that need rows run on the sample, and an input-format notice says so for each profiled side.
 */
final class ProfileInput {

    private ProfileInput() {
    }

    /** Whether a snapshot of the request (training, production or reference) is a profile file (by its magic bytes). */
    static boolean uses(DiagnosisRequest request) {
        return ProfileFormat.isProfile(request.train()) || ProfileFormat.isProfile(request.prod())
                || request.reference() != null && ProfileFormat.isProfile(request.reference());
    }

    static org.modellens.report.DiagnosticReport run(DiagnosisRequest request, ProgressListener progress, Model model)
            throws UnreadableInputException {
        Settings settings = request.settings();
        List<Finding> notices = new ArrayList<>();
        progress.stage("Reading " + name(request.train()), 0.0);
        Snapshot train;
        Profile trainProfile = null;
        Profile prodProfile = null;
        if (ProfileFormat.isProfile(request.train())) {
            Profile profile = ProfileFormat.read(request.train());
            trainProfile = profile;
            train = ProfileSnapshots.training(profile, source(request.train()));
            notice(profile, "training", train, notices);
            if (!request.categorical().isEmpty() || !request.numeric().isEmpty()) {
                notices.add(new Finding(InputFormatCheck.ID, null, Severity.INFO,
                        "Type overrides do not apply to the training profile " + name(request.train()),
                        "A profile's column types were fixed when it was made; make it again with --categorical or "
                                + "--numeric to change them.",
                        Map.of("file", name(request.train())), null));
            }
        } else {
            RawTable raw = SnapshotReaders.read(request.train());
            unknownOverrides("--categorical", request.categorical(), raw, notices);
            unknownOverrides("--numeric", request.numeric(), raw, notices);
            train = SnapshotBuilder.buildTraining(raw, request.categorical(), request.numeric(), request.target());
        }
        String target = request.target();
        SnapshotLoader.checkTarget(train, target);
        progress.stage("Reading " + name(request.prod()), 0.2);
        Snapshot prod;
        if (ProfileFormat.isProfile(request.prod())) {
            Profile profile = ProfileFormat.read(request.prod());
            prodProfile = profile;
            prod = ProfileSnapshots.production(profile, source(request.prod()), train, settings.get("outliers.rangeMultiple"));
            notice(profile, "production", prod, notices);
        } else {
            RawTable raw = SnapshotReaders.read(request.prod());
            Map<String, ColumnType> types = new LinkedHashMap<>();
            Set<String> identifiers = new java.util.HashSet<>();
            for (Column column : train.columns()) {
                types.put(column.name(), column.type());
                if (column.identifier()) {
                    identifiers.add(column.name());
                }
            }
            prod = SnapshotBuilder.build(raw, types, identifiers);
        }
        Map<String, ColumnType> trainTypes = new LinkedHashMap<>();
        Set<String> trainIdentifiers = new java.util.HashSet<>();
        for (Column column : train.columns()) {
            trainTypes.put(column.name(), column.type());
            if (column.identifier()) {
                trainIdentifiers.add(column.name());
            }
        }
        Snapshot reference = null;
        if (request.reference() != null) {
            if (ProfileFormat.isProfile(request.reference())) {
                Profile profile = ProfileFormat.read(request.reference());
                reference = ProfileSnapshots.production(profile, source(request.reference()), train,
                        settings.get("outliers.rangeMultiple"));
                if (target != null && !reference.hasColumn(target)) {
                    throw new UnreadableInputException(name(request.reference()) + ": the reference data has no target column '"
                            + target + "'; held-out reference data must be labelled");
                }
                notice(profile, "reference", reference, notices);
            } else {
                reference = Diagnosis.reference(SnapshotReaders.read(request.reference()), trainTypes, trainIdentifiers, target,
                        model);
            }
        }
        ModelSummary trainModel = summary(trainProfile, request.model());
        ModelSummary prodModel = summary(prodProfile, request.model());
        boolean scored = model != null && trainModel != null && prodModel != null;
        boolean everyRow = scored && !Double.isNaN(trainModel.baseValue()) && !Double.isNaN(prodModel.baseValue());
        boolean scores = scored && trainModel.hasScores() && prodModel.hasScores() && trainModel.scoreRows() > 0
                && prodModel.scoreRows() > 0;
        Diagnosis.ModelInput modelInput = model == null ? null
                : new Diagnosis.ModelInput(request.model(), model, request.explainRows(),
                        scored ? new org.modellens.checks.CheckContext.EveryRowModel(trainModel, prodModel) : null);
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
        org.modellens.timeline.TimeAxis timeAxis = timeAxis(request, prodProfile, prod, prodModel != null, notices);
        org.modellens.report.DiagnosticReport report = Diagnosis.analyse(train, prod, reference, target, request.task(),
                settings, notices, progress, modelInput, timeAxis);
        return everyRow ? withEveryRow(report, trainModel, prodModel) : report;
    }

    /**
     * Production over time: from the production profile's chunk profiles (every row) when it was chunked by this
     * time column in a period the request can be made of; else on the rows at hand (a profile's sample), said so.
     */
    private static org.modellens.timeline.TimeAxis timeAxis(DiagnosisRequest request, Profile prodProfile, Snapshot prod,
                                                            boolean chunkModels, List<Finding> notices)
            throws UnreadableInputException {
        if (request.timeColumn() == null && request.chunk() == null) {
            return null;
        }
        org.modellens.timeline.TimeAxis axis = prodProfile == null ? null
                : org.modellens.timeline.TimeAxis.ofProfile(prodProfile, request.timeColumn(), request.chunk(), request.settings(),
                        chunkModels);
        String file = name(request.prod());
        if (axis != null) {
            notices.add(new Finding(InputFormatCheck.ID, null, Severity.INFO,
                    "The timeline is over every production row, from the chunk profiles in " + file,
                    String.format(Locale.ROOT, "%s holds a profile per %s of %s: each chunk's counts, missing rates, category "
                            + "mixes and values beyond the training range are exact for all its rows, its KS distance within "
                            + "the quantile sketch's rank error (%.2f%%)%s; performance per chunk needs labelled rows and is "
                            + "not measured from chunk profiles.", file, prodProfile.chunkPeriod().orElse("?"),
                            request.timeColumn(), 100 * prodProfile.options().rankError(),
                            chunkModels ? ", its prediction mean exact" : ""),
                    Map.of("file", file, "chunks", prodProfile.chunks().size(), "timeColumn", request.timeColumn()), null));
        } else {
            if (prodProfile != null && request.timeColumn() != null) {
                notices.add(new Finding(InputFormatCheck.ID, null, Severity.INFO,
                        "The timeline is cut from the production profile's sample of " + prodProfile.sample().size() + " rows",
                        file + (prodProfile.chunkColumn().isEmpty() ? " holds no chunk profiles"
                                : " holds chunk profiles per " + prodProfile.chunkPeriod().orElse("?") + " of "
                                + prodProfile.chunkColumn().get() + ", which cannot make the chunks asked for")
                                + "; profile production with the Spark job's --time-column " + request.timeColumn()
                                + " for a timeline over every row.",
                        Map.of("file", file), null));
            }
            axis = org.modellens.timeline.TimeAxis.of(prod, request.timeColumn(), request.chunk(), request.settings());
        }
        axis.notice().ifPresent(notices::add);
        return axis;
    }

    /** The profile's model summary when it was made with this very model file (name and SHA-256), else null. */
    private static ModelSummary summary(Profile profile, Path modelFile) throws UnreadableInputException {
        if (profile == null || modelFile == null || profile.model().isEmpty()) {
            return null;
        }
        ModelSummary summary = profile.model().get();
        String id = name(modelFile) + "@" + source(modelFile).sha256();
        return summary.model().equals(id) ? summary : null;
    }

    /** The report with its global importance, mean contributions and attribution drift from every row. */
    private static org.modellens.report.DiagnosticReport withEveryRow(org.modellens.report.DiagnosticReport report,
                                                                      ModelSummary train, ModelSummary prod) {
        Explanations e = report.explanations();
        if (e == null || !"tree-shap".equals(e.method())) {
            return report;
        }
        Map<String, Double> globalTrain = importance(train);
        Map<String, Double> globalProd = importance(prod);
        Explanations all = new Explanations(e.space(), e.method(), globalTrain, globalProd, e.rows(),
                org.modellens.explain.ModelExplanations.drift(globalTrain, globalProd), means(train), means(prod),
                e.samplesTrain(), e.samplesProd(), e.units());
        return new org.modellens.report.DiagnosticReport(report.toolVersion(), report.inputs(), report.findings(),
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

    /** Overrides naming a column the training file lacks, in the words of every other input (Diagnosis#notices). */
    private static void unknownOverrides(String option, Set<String> names, RawTable table, List<Finding> notices) {
        notices.addAll(Diagnosis.notices(names.stream().sorted().filter(name -> !table.names().contains(name))
                .map(name -> new SnapshotLoader.UnknownOverride(option, name, table.source().fileName())).toList()));
    }

    /** The profile file as the report names it: its path and the SHA-256 of its bytes. */
    private static SourceInfo source(Path path) throws UnreadableInputException {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] block = new byte[1 << 16];
            for (int n = in.read(block); n >= 0; n = in.read(block)) {
                digest.update(block, 0, n);
            }
            return new SourceInfo(path, "mlprofile", HexFormat.of().formatHex(digest.digest()));
        } catch (IOException e) {
            throw new UnreadableInputException(name(path) + " cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Path path) {
        return path.getFileName() == null ? path.toString() : path.getFileName().toString();
    }
}
