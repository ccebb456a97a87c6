package org.modellens.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.modellens.causes.Cause;
import org.modellens.checks.Severity;
import org.modellens.profile.FeatureComparison;

/**
 * When each change began: for every feature (and the model's performance) the first chunk of the first run
 * of {@code runLength} consecutive alarming chunks (a Shewhart chart with a run rule); then one change point
 * per cause, the earliest among its features, and cause 0 for a change no cause claims.
 */
final class ChangePoints {

    /** Dataset-level causes whose beginning is the model's performance leaving its band. */
    private static final Set<String> PERFORMANCE_KINDS = Set.of("concept-shift", "covariate-shift", "label-shift", "performance-drop");

    private ChangePoints() {
    }

    static List<ChangePoint> find(List<TimelineChunk> chunks, List<TimeAxis.Slice> slices, TimeAxis axis, List<Cause> causes,
                                  int runLength, List<FeatureComparison> features) {
        Map<String, ChangePoint> byFeature = new LinkedHashMap<>();
        for (FeatureComparison feature : features) {
            int start = firstRun(chunks, runLength, chunk -> {
                TimelineChunk.FeatureDrift cell = chunk.features().get(feature.name());
                return cell != null && cell.severity().compareTo(Severity.WARN) >= 0;
            });
            if (start >= 0) {
                TimelineChunk chunk = chunks.get(start);
                TimelineChunk.FeatureDrift cell = chunk.features().get(feature.name());
                String sentence = sentence(feature, cell, chunk, TimelineBuilder.when(axis, slices.get(start)), start == 0);
                byFeature.put(feature.name(), new ChangePoint(0, feature.name(), start, chunk.start(), sentence, cell.signal()));
            }
        }
        int performanceStart = firstRun(chunks, runLength,
                chunk -> chunk.performance() != null && chunk.performance().severity().compareTo(Severity.WARN) >= 0);
        ChangePoint performance = null;
        if (performanceStart >= 0) {
            TimelineChunk chunk = chunks.get(performanceStart);
            TimelineChunk.ChunkPerformance p = chunk.performance();
            String sentence = phrase("the model's " + (p.estimated() ? "estimated " : "") + metricName(p.metric()),
                    "fell outside its normal band", "is outside its normal band", TimelineBuilder.when(axis, slices.get(performanceStart)),
                    performanceStart == 0) + " (" + number(p.value()) + ")";
            performance = new ChangePoint(0, null, performanceStart, chunk.start(), sentence, "performance");
        }

        List<ChangePoint> points = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        boolean performanceClaimed = false;
        for (Cause cause : causes) {
            ChangePoint first = null;
            for (String feature : cause.features()) {
                ChangePoint point = byFeature.get(feature);
                if (point != null && (first == null || point.chunkIndex() < first.chunkIndex())) {
                    first = point;
                }
            }
            if (first == null && cause.features().isEmpty() && performance != null && PERFORMANCE_KINDS.contains(cause.kind())
                    && !performanceClaimed) {
                first = performance;
                performanceClaimed = true;
            }
            if (first != null) {
                claimed.addAll(cause.features());
                points.add(new ChangePoint(cause.rank(), first.feature(), first.chunkIndex(), first.start(), first.sentence(),
                        first.signal()));
            }
        }
        byFeature.forEach((feature, point) -> {
            if (!claimed.contains(feature)) {
                points.add(point);
            }
        });
        if (performance != null && !performanceClaimed) {
            points.add(performance);
        }
        points.sort(Comparator.comparingInt(ChangePoint::chunkIndex)
                .thenComparingInt(p -> p.cause() == 0 ? Integer.MAX_VALUE : p.cause()));
        return points;
    }

    /** The first chunk of the first run of {@code length} consecutive chunks that alarm; -1 when none. */
    static int firstRun(List<TimelineChunk> chunks, int length, java.util.function.Predicate<TimelineChunk> alarms) {
        int run = 0;
        for (int i = 0; i < chunks.size(); i++) {
            run = alarms.test(chunks.get(i)) ? run + 1 : 0;
            if (run >= Math.max(1, length)) {
                return i - run + 1;
            }
        }
        return -1;
    }

    private static String sentence(FeatureComparison feature, TimelineChunk.FeatureDrift cell, TimelineChunk chunk, String when,
                                   boolean first) {
        String name = feature.name();
        return switch (cell.signal()) {
            case "missingRate" -> {
                double rate = chunk.missingRates().getOrDefault(name, Double.NaN);
                double before = feature.trainProfile().missingRate();
                String detail = " (" + TimelineBuilder.percent(rate) + " of rows, " + TimelineBuilder.percent(before) + " in training)";
                yield rate > before ? phrase(name, "started arriving empty", "arrives empty", when, first) + detail
                        : phrase(name, "stopped arriving empty", "arrives with fewer empty values than in training", when, first) + detail;
            }
            case "unseenShare" -> phrase(name, "started carrying categories never seen in training",
                    "carries categories never seen in training", when, first) + " ("
                    + TimelineBuilder.percent(chunk.unseenShares().getOrDefault(name, Double.NaN)) + " of values)";
            case "outOfRangeShare" -> phrase(name, "started arriving outside its training range",
                    "arrives outside its training range", when, first) + " ("
                    + TimelineBuilder.percent(chunk.outOfRangeShares().getOrDefault(name, Double.NaN)) + " of values)";
            case "totalVariation" -> phrase(name + "'s category mix", "started moving away from training",
                    "differs from training", when, first) + " (total variation " + TimelineBuilder.percent(cell.value()) + ")";
            default -> phrase(name, "started drifting away from training", "differs from training", when, first)
                    + " (KS distance " + number(cell.value()) + ")";
        };
    }

    /**
     * "X started arriving empty in the week of 27 October 2025"; for a change present in the first chunk, which
     * production does not show beginning: "X arrives empty from the first chunk on, the week of 29 September 2025".
     */
    static String phrase(String subject, String started, String present, String when, boolean first) {
        return first ? subject + " " + present + " from the first chunk on, " + when.replaceFirst("^(in|on|from) ", "")
                : subject + " " + started + " " + when;
    }

    private static String metricName(String metric) {
        return switch (metric) {
            case "auc" -> "AUC";
            case "rmse" -> "RMSE";
            default -> metric;
        };
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
