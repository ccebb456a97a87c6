package org.modellens.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.checks.Finding;
import org.modellens.checks.ModelOutputCheck;
import org.modellens.checks.Severity;
import org.modellens.explain.ExplainRows;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/**
 * Issue 19: NaN/Inf leaf values in a model were blamed on the data ("a model input holds text that
 * is no number"), and an XGBoost base_score of 1 gave every prediction 1.0 with the verdict
 * {@code pass}. Both are the model's faults, said by model-output naming the tree and leaf.
 */
class HostileModelOutputsTest {

    @TempDir
    Path dir;

    private Path csv(String name, String header, int rows, long seed, java.util.function.Function<Random, String> row)
            throws Exception {
        Random random = new Random(seed);
        List<String> lines = new ArrayList<>(List.of(header));
        for (int i = 0; i < rows; i++) {
            lines.add(row.apply(random));
        }
        return Files.write(dir.resolve(name), lines);
    }

    private DiagnosticReport diagnose(Path train, Path prod, Path model) throws Exception {
        return Diagnosis.run(new DiagnosisRequest(train, prod, "label", "auto", Set.of(), Set.of(), Settings.defaults(), model,
                List.of(), ExplainRows.first(20)), (stage, fraction) -> { });
    }

    @Test
    void aNanLeafIsBlamedOnTheModelNamingTreeAndLeaf() throws Exception {
        Path model = HostileModels.write(dir, "nan-leaf.txt",
                HostileModels.lightgbm("leaf_value=0.5 -0.25 1", "leaf_value=0.5 -0.25 NaN"));
        java.util.function.Function<Random, String> row = r -> String.format(Locale.ROOT, "%.2f,%.2f,%.2f,%d",
                10 * r.nextDouble(), 10 * r.nextDouble(), 10 * r.nextDouble() - 5, r.nextInt(2));
        Path train = csv("train.csv", "a,b,c,label", 300, 1, row);
        Path prod = csv("prod.csv", "a,b,c,label", 300, 2, row);

        DiagnosticReport report = diagnose(train, prod, model);

        Finding fault = report.findings().stream().filter(f -> f.check().equals(ModelOutputCheck.ID)).findFirst().orElseThrow();
        assertThat(fault.severity()).isEqualTo(Severity.FAIL);
        assertThat(fault.title()).startsWith("The model itself outputs no usable number for ")
                .endsWith("production rows: tree 0, leaf node 4 holds NaN");
        assertThat(report.findings()).as("the data is not blamed")
                .noneMatch(f -> f.check().equals("type-mismatch") && f.feature() == null);
    }

    @Test
    void aBaseScoreOfOneIsADegenerateModelNotAPass() throws Exception {
        Path model = HostileModels.write(dir, "base-one.json", HostileModels.xgboost(root ->
                HostileModels.params(root).put("base_score", "1")));
        java.util.function.Function<Random, String> row = r -> String.format(Locale.ROOT, "%.1f,%.2f,%.0f,%.3f,%d,%d,%.3f,%d",
                20 + 40 * r.nextDouble(), 20000 + 30000 * r.nextDouble(), 300 + 550 * r.nextDouble(), r.nextDouble(),
                r.nextInt(6), r.nextInt(2), r.nextGaussian(), r.nextInt(2));
        String header = "age,income,score,ratio,count,flag,noise,label";
        Path train = csv("train.csv", header, 300, 1, row);
        Path prod = csv("prod.csv", header, 300, 2, row);

        DiagnosticReport report = diagnose(train, prod, model);

        assertThat(report.verdict()).isNotEqualTo("pass");
        assertThat(report.findings()).anyMatch(f -> f.check().equals(ModelOutputCheck.ID) && f.severity() == Severity.FAIL
                && f.title().equals("The model gives every training row the same output (1.0): it cannot tell rows apart"));
        assertThat(report.findings()).anyMatch(f -> f.check().equals(ModelOutputCheck.ID)
                && f.title().contains("its base score puts the base margin at Infinity"));
    }
}
