package org.modellens.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.modellens.ProgressListener;
import org.modellens.causes.Cause;
import org.modellens.causes.CauseImpact;
import org.modellens.causes.PerformanceSection;
import org.modellens.checks.AffectedRows;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.data.Snapshot;
import org.modellens.profile.CategoryCount;
import org.modellens.profile.ColumnProfile;
import org.modellens.profile.DriftStatistics;
import org.modellens.profile.FeatureComparison;
import org.modellens.profile.StatisticAccuracy;
import org.modellens.timeline.ChangePoint;
import org.modellens.timeline.Timeline;
import org.modellens.timeline.TimelineChunk;

/**
 * Writes a {@link DiagnosticReport} as the JSON report, schemaVersion 1 (DESIGN.md section 3).
 * Numbers that are not finite are written as {@code null}: JSON has no NaN.
 */
public final class JsonReportWriter implements ReportWriter {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public void write(DiagnosticReport report, OutputStream out, ProgressListener progress) throws IOException {
        write(report, out);
    }

    @Override
    public void write(DiagnosticReport report, OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeNumberField("schemaVersion", SCHEMA_VERSION);
            json.writeObjectFieldStart("tool");
            json.writeStringField("name", "ModelLens");
            json.writeStringField("version", report.toolVersion());
            json.writeEndObject();
            writeIdentity(json, report.identity());
            writeInputs(json, report.inputs(), report.model());
            writeSummary(json, report);
            json.writeArrayFieldStart("findings");
            for (Finding finding : report.findings()) {
                writeFinding(json, finding);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("features");
            for (FeatureComparison feature : report.features()) {
                writeFeature(json, feature, report.inputs());
            }
            json.writeEndArray();
            writeModel(json, report.model());
            writePerformance(json, report.performance());
            writeCauses(json, report.causes());
            writeTimeline(json, report.timeline());
            writeComparison(json, report.comparison());
            writeExplanations(json, report.explanations());
            json.writeObjectFieldStart("settings");
            for (Map.Entry<String, Double> setting : new java.util.TreeMap<>(report.settings()).entrySet()) {
                number(json, setting.getKey(), setting.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    private static void writeInputs(JsonGenerator json, Inputs inputs, ModelSection model) throws IOException {
        json.writeObjectFieldStart("inputs");
        writeSnapshot(json, "train", inputs.train());
        writeSnapshot(json, "prod", inputs.prod());
        if (inputs.reference() != null) {
            writeSnapshot(json, "reference", inputs.reference());
        }
        if (model == null) {
            json.writeNullField("model");
        } else {
            json.writeObjectFieldStart("model");
            nullableString(json, "path", model.path());
            json.writeStringField("type", model.type());
            stringArray(json, "features", model.features());
            json.writeEndObject();
        }
        nullableString(json, "target", inputs.target());
        nullableString(json, "task", inputs.task());
        json.writeEndObject();
    }

    private static void writeSnapshot(JsonGenerator json, String name, Snapshot snapshot) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("path", snapshot.source().path().toString());
        json.writeStringField("format", snapshot.source().format());
        json.writeNumberField("rows", snapshot.fileRows());
        json.writeNumberField("columns", snapshot.columns().size());
        json.writeStringField("sha256", snapshot.source().sha256());
        if (snapshot.sampling().isPresent()) {
            // A streamed file: exact tallies over every row, distribution statistics on a sample.
            json.writeBooleanField("streamed", true);
            json.writeNumberField("sampledRows", snapshot.sampling().get().sampleRows());
            json.writeNumberField("samplingSeed", snapshot.sampling().get().seed());
        }
        json.writeEndObject();
    }

    private static void writeSummary(JsonGenerator json, DiagnosticReport report) throws IOException {
        json.writeObjectFieldStart("summary");
        json.writeStringField("verdict", report.verdict());
        json.writeObjectFieldStart("counts");
        for (Map.Entry<Severity, Long> count : report.counts().entrySet()) {
            json.writeNumberField(count.getKey().jsonName(), count.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeFinding(JsonGenerator json, Finding finding) throws IOException {
        json.writeStartObject();
        json.writeStringField("check", finding.check());
        nullableString(json, "feature", finding.feature());
        json.writeStringField("severity", finding.severity().jsonName());
        json.writeStringField("title", finding.title());
        json.writeStringField("detail", finding.detail());
        json.writeObjectFieldStart("evidence");
        for (Map.Entry<String, Object> entry : finding.evidence().entrySet()) {
            json.writeFieldName(entry.getKey());
            value(json, entry.getValue());
        }
        json.writeEndObject();
        AffectedRows rows = finding.rows();
        if (rows != null) {
            json.writeObjectFieldStart("rows");
            json.writeNumberField("count", rows.count());
            json.writeArrayFieldStart("examples");
            for (int row : rows.examples()) {
                json.writeNumber(row);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void value(JsonGenerator json, Object value) throws IOException {
        if (value instanceof Double d) {
            if (Double.isFinite(d)) {
                json.writeNumber(d);
            } else {
                json.writeNull();
            }
        } else if (value instanceof Long l) {
            json.writeNumber(l);
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.writeFieldName(String.valueOf(entry.getKey()));
                value(json, entry.getValue());
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                value(json, item);
            }
            json.writeEndArray();
        } else {
            json.writeString(String.valueOf(value));
        }
    }

    private static void writeFeature(JsonGenerator json, FeatureComparison feature, Inputs inputs) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", feature.name());
        json.writeStringField("role", feature.role().jsonName());
        json.writeStringField("type", feature.type().jsonName());
        writeProfile(json, "train", feature.trainProfile());
        if (feature.prodProfile() != null) {
            writeProfile(json, "prod", feature.prodProfile());
        } else {
            json.writeNullField("prod");
        }
        DriftStatistics drift = feature.drift();
        if (drift == null) {
            json.writeNullField("drift");
        } else {
            json.writeObjectFieldStart("drift");
            if (drift.isNumeric()) {
                json.writeObjectFieldStart("ks");
                number(json, "statistic", drift.ks().statistic());
                number(json, "pValue", drift.ks().pValue());
                json.writeEndObject();
                number(json, "wasserstein", drift.wasserstein());
                number(json, "wassersteinRelative", drift.wassersteinRelative());
                number(json, "psi", drift.psi());
                number(json, "standardizedMeanDifference", drift.standardizedMeanDifference());
            } else {
                json.writeObjectFieldStart("chiSquare");
                number(json, "statistic", drift.chiSquare().statistic());
                number(json, "pValue", drift.chiSquare().pValue());
                json.writeNumberField("dof", drift.chiSquare().dof());
                json.writeEndObject();
                number(json, "jensenShannon", drift.jensenShannon());
                number(json, "cramersV", drift.cramersV());
                number(json, "totalVariation", drift.totalVariation());
                number(json, "totalVariationPooled", drift.totalVariationPooled());
            }
            json.writeEndObject();
        }
        Map<String, Object> accuracy = StatisticAccuracy.of(feature, inputs.train().sampling().orElse(null),
                inputs.prod().sampling().orElse(null));
        if (!accuracy.isEmpty()) {
            json.writeFieldName("accuracy");
            value(json, accuracy);
        }
        json.writeEndObject();
    }

    private static void writeProfile(JsonGenerator json, String name, ColumnProfile profile) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("rows", profile.rows());
        json.writeNumberField("count", profile.count());
        json.writeNumberField("missing", profile.missing());
        number(json, "missingRate", profile.missingRate());
        json.writeNumberField("unparsable", profile.unparsable());
        json.writeNumberField("distinct", profile.distinct());
        if (!profile.quantiles().isEmpty()) {
            number(json, "mean", profile.mean());
            number(json, "std", profile.std());
            number(json, "min", profile.min());
            number(json, "max", profile.max());
            json.writeObjectFieldStart("quantiles");
            for (Map.Entry<String, Double> q : profile.quantiles().entrySet()) {
                number(json, q.getKey(), q.getValue());
            }
            json.writeEndObject();
        } else {
            json.writeArrayFieldStart("topCategories");
            for (CategoryCount category : profile.topCategories()) {
                json.writeStartObject();
                json.writeStringField("value", category.label());
                json.writeNumberField("count", category.count());
                number(json, "share", category.share());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndObject();
    }

    private static void writeModel(JsonGenerator json, ModelSection model) throws IOException {
        if (model == null) {
            json.writeNullField("model");
            return;
        }
        json.writeObjectFieldStart("model");
        json.writeStringField("type", model.type());
        stringArray(json, "features", model.features());
        json.writeStringField("task", model.task());
        number(json, "threshold", model.threshold());
        json.writeObjectFieldStart("metrics");
        numberMap(json, "train", model.trainMetrics());
        if (!model.referenceMetrics().isEmpty()) {
            numberMap(json, "reference", model.referenceMetrics());
        }
        numberMap(json, "prod", model.prodMetrics());
        json.writeBooleanField("prodEstimated", model.prodEstimated());
        json.writeEndObject();
        json.writeArrayFieldStart("curves");
        for (ModelSection.Curve curve : model.curves()) {
            json.writeStartObject();
            json.writeStringField("kind", curve.kind());
            json.writeStringField("side", curve.side());
            numberArray(json, "x", curve.x());
            numberArray(json, "y", curve.y());
            if (curve.counts().length > 0) {
                // Calibration: the rows behind each point.
                json.writeArrayFieldStart("counts");
                for (long count : curve.counts()) {
                    json.writeNumber(count);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        ModelSection.CostSummary cost = model.cost();
        if (cost == null) {
            json.writeNullField("cost");
        } else {
            json.writeObjectFieldStart("cost");
            number(json, "falsePositiveCost", cost.falsePositiveCost());
            number(json, "falseNegativeCost", cost.falseNegativeCost());
            number(json, "threshold", cost.threshold());
            number(json, "trainCostPerRow", cost.trainCostPerRow());
            number(json, "prodCostPerRow", cost.prodCostPerRow());
            json.writeBooleanField("prodEstimated", cost.prodEstimated());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeExplanations(JsonGenerator json, Explanations explanations) throws IOException {
        if (explanations == null) {
            json.writeNullField("explanations");
            return;
        }
        json.writeObjectFieldStart("explanations");
        json.writeStringField("space", explanations.space());
        json.writeStringField("units", explanations.units());
        json.writeStringField("method", explanations.method());
        json.writeObjectFieldStart("globalImportance");
        numberMap(json, "train", explanations.globalTrain());
        numberMap(json, "prod", explanations.globalProd());
        json.writeEndObject();
        json.writeArrayFieldStart("rows");
        for (Explanations.RowExplanation row : explanations.rows()) {
            json.writeStartObject();
            json.writeNumberField("rowIndex", row.rowIndex());
            if (row.outputClass() != null) {
                json.writeStringField("class", row.outputClass());
            }
            if (row.predictedClass() != null) {
                json.writeStringField("predictedClass", row.predictedClass());
            }
            number(json, "prediction", row.prediction());
            number(json, "margin", row.margin());
            number(json, "baseValue", row.baseValue());
            numberMap(json, "contributions", row.contributions());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("attributionDrift");
        for (Explanations.AttributionShift shift : explanations.attributionDrift()) {
            json.writeStartObject();
            json.writeStringField("feature", shift.feature());
            json.writeNumberField("trainRank", shift.trainRank());
            json.writeNumberField("prodRank", shift.prodRank());
            number(json, "trainImportance", shift.trainImportance());
            number(json, "prodImportance", shift.prodImportance());
            number(json, "trainShare", shift.trainShare());
            number(json, "prodShare", shift.prodShare());
            json.writeEndObject();
        }
        json.writeEndArray();
        writePredictionShift(json, explanations);
        json.writeEndObject();
    }

    /** The change of the mean output split by feature, with the means it comes from (DESIGN.md section 5). */
    private static void writePredictionShift(JsonGenerator json, Explanations explanations) throws IOException {
        if (explanations.meansTrain() == null || explanations.meansProd() == null) {
            json.writeNullField("predictionShift");
            return;
        }
        json.writeObjectFieldStart("predictionShift");
        number(json, "total", explanations.meansProd().output() - explanations.meansTrain().output());
        numberMap(json, "byFeature", explanations.predictionShiftByFeature());
        writeMeans(json, "train", explanations.meansTrain());
        writeMeans(json, "prod", explanations.meansProd());
        json.writeEndObject();
    }

    private static void writeMeans(JsonGenerator json, String name, Explanations.ContributionMeans means) throws IOException {
        json.writeObjectFieldStart(name);
        json.writeNumberField("rows", means.rows());
        number(json, "output", means.output());
        number(json, "baseValue", means.baseValue());
        numberMap(json, "contributions", means.contributions());
        json.writeEndObject();
    }

    private static void writePerformance(JsonGenerator json, PerformanceSection performance) throws IOException {
        if (performance == null) {
            json.writeNullField("performance");
            return;
        }
        json.writeObjectFieldStart("performance");
        json.writeStringField("metric", performance.metric());
        json.writeObjectFieldStart("baseline");
        json.writeStringField("source", performance.baseline().source());
        number(json, "value", performance.baseline().value());
        json.writeEndObject();
        json.writeObjectFieldStart("prod");
        number(json, "value", performance.prod().value());
        json.writeBooleanField("estimated", performance.prod().estimated());
        number(json, "lower", performance.prod().lower());
        number(json, "upper", performance.prod().upper());
        json.writeEndObject();
        PerformanceSection.Decomposition parts = performance.decomposition();
        if (parts == null) {
            json.writeNullField("decomposition");
        } else {
            json.writeObjectFieldStart("decomposition");
            number(json, "covariateShift", parts.covariateShift());
            number(json, "conceptShift", parts.conceptShift());
            number(json, "labelShift", parts.labelShift());
            number(json, "pipeline", parts.pipeline());
            number(json, "residual", parts.residual());
            json.writeEndObject();
        }
        json.writeObjectFieldStart("metrics");
        for (Map.Entry<String, PerformanceSection.MetricPair> metric : performance.metrics().entrySet()) {
            json.writeObjectFieldStart(metric.getKey());
            number(json, "baseline", metric.getValue().baseline());
            number(json, "prod", metric.getValue().prod());
            number(json, "noise", performance.noise().getOrDefault(metric.getKey(), Double.NaN));
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeStringField("detail", performance.detail());
        json.writeEndObject();
    }

    private static void writeCauses(JsonGenerator json, List<Cause> causes) throws IOException {
        json.writeArrayFieldStart("causes");
        for (Cause cause : causes) {
            json.writeStartObject();
            json.writeNumberField("rank", cause.rank());
            json.writeStringField("kind", cause.kind());
            stringArray(json, "features", cause.features());
            json.writeBooleanField("modelInput", cause.modelInput());
            json.writeStringField("severity", cause.severity().jsonName());
            json.writeStringField("title", cause.title());
            json.writeStringField("whatToDo", cause.whatToDo());
            json.writeArrayFieldStart("findings");
            for (int index : cause.findings()) {
                json.writeNumber(index);
            }
            json.writeEndArray();
            writeImpact(json, cause.impact());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeImpact(JsonGenerator json, CauseImpact impact) throws IOException {
        json.writeObjectFieldStart("impact");
        json.writeNumberField("rows", impact.rows());
        number(json, "rowShare", impact.rowShare());
        if (impact.importance() == null) {
            json.writeNullField("importance");
        } else {
            json.writeObjectFieldStart("importance");
            number(json, "train", impact.importance().train());
            number(json, "prod", impact.importance().prod());
            json.writeEndObject();
        }
        number(json, "predictionShift", impact.predictionShift());
        number(json, "decisionsChanged", impact.decisionsChanged());
        CauseImpact.PerformanceImpact performance = impact.performance();
        if (performance == null) {
            json.writeNullField("performance");
        } else {
            json.writeObjectFieldStart("performance");
            json.writeStringField("metric", performance.metric());
            number(json, "recovered", performance.recovered());
            number(json, "shareOfDrop", performance.shareOfDrop());
            json.writeStringField("method", performance.method());
            numberMap(json, "byMetric", performance.byMetric());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeTimeline(JsonGenerator json, Timeline timeline) throws IOException {
        if (timeline == null) {
            return;
        }
        json.writeObjectFieldStart("timeline");
        json.writeStringField("column", timeline.column());
        json.writeStringField("chunk", timeline.chunk());
        json.writeNumberField("unparsableDates", timeline.unparsableDates());
        json.writeArrayFieldStart("chunks");
        for (TimelineChunk chunk : timeline.chunks()) {
            json.writeStartObject();
            json.writeNumberField("index", chunk.index());
            json.writeStringField("start", chunk.start());
            json.writeStringField("end", chunk.end());
            json.writeNumberField("rows", chunk.rows());
            json.writeObjectFieldStart("features");
            for (Map.Entry<String, TimelineChunk.FeatureDrift> drift : chunk.features().entrySet()) {
                json.writeObjectFieldStart(drift.getKey());
                json.writeStringField("statistic", drift.getValue().statistic());
                number(json, "value", drift.getValue().value());
                json.writeStringField("severity", drift.getValue().severity().jsonName());
                number(json, "band", drift.getValue().band());
                nullableString(json, "signal", drift.getValue().signal());
                json.writeEndObject();
            }
            json.writeEndObject();
            numberMap(json, "missingRates", chunk.missingRates());
            numberMap(json, "unseenShares", chunk.unseenShares());
            numberMap(json, "outOfRangeShares", chunk.outOfRangeShares());
            numberMap(json, "prediction", chunk.prediction());
            TimelineChunk.ChunkPerformance performance = chunk.performance();
            if (performance == null) {
                json.writeNullField("performance");
            } else {
                json.writeObjectFieldStart("performance");
                json.writeStringField("metric", performance.metric());
                number(json, "value", performance.value());
                json.writeBooleanField("estimated", performance.estimated());
                number(json, "lower", performance.lower());
                number(json, "upper", performance.upper());
                number(json, "bandLower", performance.bandLower());
                number(json, "bandUpper", performance.bandUpper());
                json.writeStringField("severity", performance.severity().jsonName());
                json.writeEndObject();
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("changePoints");
        for (ChangePoint point : timeline.changePoints()) {
            json.writeStartObject();
            json.writeNumberField("cause", point.cause());
            nullableString(json, "feature", point.feature());
            json.writeNumberField("chunkIndex", point.chunkIndex());
            json.writeStringField("start", point.start());
            json.writeStringField("sentence", point.sentence());
            nullableString(json, "signal", point.signal());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeIdentity(JsonGenerator json, ReportIdentity identity) throws IOException {
        if (identity == null) {
            return;
        }
        json.writeObjectFieldStart("report");
        json.writeStringField("id", identity.reportId());
        json.writeObjectFieldStart("model");
        json.writeStringField("name", identity.modelName());
        json.writeStringField("version", identity.modelVersion());
        json.writeStringField("owner", identity.modelOwner());
        json.writeStringField("intendedUse", identity.intendedUse());
        json.writeEndObject();
        json.writeStringField("currency", identity.currency());
        json.writeEndObject();
    }

    private static void writeComparison(JsonGenerator json, ReportComparison comparison) throws IOException {
        if (comparison == null) {
            return;
        }
        json.writeObjectFieldStart("comparison");
        json.writeStringField("previous", comparison.previous());
        nullableString(json, "previousTool", comparison.previousRun());
        json.writeObjectFieldStart("counts");
        for (ReportComparison.Status status : ReportComparison.Status.values()) {
            json.writeNumberField(status.jsonName(), comparison.count(status));
        }
        json.writeEndObject();
        json.writeArrayFieldStart("changes");
        for (ReportComparison.Change change : comparison.changes()) {
            json.writeStartObject();
            json.writeStringField("status", change.status().jsonName());
            json.writeStringField("check", change.check());
            nullableString(json, "feature", change.feature());
            nullableString(json, "before", change.before() == null ? null : change.before().jsonName());
            nullableString(json, "after", change.after() == null ? null : change.after().jsonName());
            json.writeStringField("title", change.title());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void numberMap(JsonGenerator json, String name, Map<String, Double> values) throws IOException {
        json.writeObjectFieldStart(name);
        for (Map.Entry<String, Double> entry : values.entrySet()) {
            number(json, entry.getKey(), entry.getValue());
        }
        json.writeEndObject();
    }

    private static void numberArray(JsonGenerator json, String name, double[] values) throws IOException {
        json.writeArrayFieldStart(name);
        for (double value : values) {
            if (Double.isFinite(value)) {
                json.writeNumber(value);
            } else {
                json.writeNull();
            }
        }
        json.writeEndArray();
    }

    private static void stringArray(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static void number(JsonGenerator json, String name, double value) throws IOException {
        if (Double.isFinite(value)) {
            json.writeNumberField(name, value);
        } else {
            json.writeNullField(name);
        }
    }

    private static void nullableString(JsonGenerator json, String name, String value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeStringField(name, value);
        }
    }
}
