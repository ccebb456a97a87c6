package org.modellens.app.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.modellens.report.DiagnosticReport;
import org.modellens.report.Explanations;
import org.modellens.report.ModelSection;

/**
 * Reports for the view tests. The core fills the model section and explanations once model loading
 * lands; until then the model and explanation pages are tested on this small, made-up section.
 */
final class TestReports {

    private TestReports() {
    }

    /** The sample report with a small made-up model section and explanations of three production rows. */
    static DiagnosticReport withModel(DiagnosticReport report) {
        List<String> names = List.of("interest_rate", "income", "age", "loan_amount", "loan_term_months", "credit_score",
                "debt_to_income", "months_employed", "num_open_accounts", "annual_fee", "region", "employment_type");
        ModelSection section = new ModelSection("model.json", "xgboost", names, "binary",
                Map.of("auc", 0.81), new LinkedHashMap<>(Map.of("auc", 0.69)), false, 0.5,
                List.of(new ModelSection.Curve("roc", "train", new double[] {0, 0.2, 1}, new double[] {0, 0.7, 1}),
                        new ModelSection.Curve("roc", "prod", new double[] {0, 0.3, 1}, new double[] {0, 0.6, 1}),
                        new ModelSection.Curve("calibration", "prod", new double[] {0.1, 0.5}, new double[] {0.2, 0.4})),
                new ModelSection.CostSummary(1, 5, 0.5, 0.4, 0.7, false));
        Map<String, Double> trainMetrics = new LinkedHashMap<>();
        trainMetrics.put("auc", 0.81);
        trainMetrics.put("brier", 0.1);
        section = new ModelSection(section.path(), section.type(), section.features(), section.task(), trainMetrics,
                section.prodMetrics(), false, 0.5, section.curves(), section.cost());
        List<Explanations.RowExplanation> rows = new java.util.ArrayList<>();
        for (int row : new int[] {0, 5, 9}) {
            Map<String, Double> contributions = new LinkedHashMap<>();
            double sum = 0;
            for (int i = 0; i < names.size(); i++) {
                double value = (i == 0 ? 2.0 : 1.0 / (i + 1)) * (row % 2 == 0 ? 1 : -1);
                contributions.put(names.get(i), value);
                sum += value;
            }
            rows.add(new Explanations.RowExplanation(row, 0.3, -1.5 + sum, -1.5, contributions));
        }
        Map<String, Double> global = new LinkedHashMap<>();
        global.put("interest_rate", 2.0);
        global.put("income", 0.5);
        // The same three rows stand for each side's sample (row numbers of the training file on that side).
        int[] sampled = rows.stream().mapToInt(Explanations.RowExplanation::rowIndex).toArray();
        double[][] phi = rows.stream().map(r -> r.contributions().values().stream().mapToDouble(Double::doubleValue).toArray())
                .toArray(double[][]::new);
        double[] base = rows.stream().mapToDouble(Explanations.RowExplanation::baseValue).toArray();
        double[] margin = rows.stream().mapToDouble(Explanations.RowExplanation::margin).toArray();
        Explanations.SampleAttributions sample = new Explanations.SampleAttributions("1", true, sampled, names, phi, base, margin);
        Explanations explanations = new Explanations("margin", "tree-shap", Map.of("interest_rate", 0.4, "income", 0.6), global,
                rows, List.of(), null, null, List.of(sample), List.of(sample));
        return new DiagnosticReport(report.toolVersion(), report.inputs(), report.findings(), report.features(),
                report.settings(), section, explanations);
    }

}
