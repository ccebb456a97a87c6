package org.modellens.causes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;
import org.modellens.report.DiagnosticReport;
import org.modellens.report.Explanations;
import org.modellens.settings.Settings;

/**
 * Causes with an XGBoost model, on the planted cases of {@code make_causes_fixture.py} (beside the
 * fixture): the oracle is XGBoost's own mean margin and mean {@code pred_contribs} per file.
 */
class CausesWithModelTest {

    private static final Path FIXTURE = Path.of("src/test/resources/org/modellens/causes");
    private static final List<String> MODEL_FEATURES = List.of("utilisation", "tenure", "balance", "age");

    @TempDir
    static Path dir;

    private static JsonNode oracle;
    private static Settings everyRow;

    @BeforeAll
    static void load() throws IOException {
        oracle = new ObjectMapper().readTree(FIXTURE.resolve("oracle.json").toFile());
        // Every row explained on both sides (5,000 and 2,000), so the means are over all scored rows.
        Path settings = dir.resolve("every-row.properties");
        Files.writeString(settings, "explain.global.sampleRows=10000\n", StandardCharsets.UTF_8);
        everyRow = Settings.withOverrides(settings);
    }

    private static DiagnosticReport diagnose(Path prod) throws Exception {
        return Diagnosis.run(new DiagnosisRequest(FIXTURE.resolve("train.csv"), prod, "label", "auto", Set.of(), Set.of(),
                everyRow, FIXTURE.resolve("model.json"), List.of(), null), ProgressListener.NONE);
    }

    private static Cause causeOn(DiagnosticReport report, String column) {
        return report.causes().stream().filter(c -> c.features().contains(column)).findFirst().orElseThrow();
    }

    @Test
    void predictionShiftPartsSumToTheMeanMarginChange() throws Exception {
        DiagnosticReport report = diagnose(FIXTURE.resolve("prod_shift.csv"));
        Explanations explanations = report.explanations();

        // The means are XGBoost's: margins and TreeSHAP contributions over every row of each file.
        assertThat(explanations.meansTrain().rows()).isEqualTo(oracle.at("/train.csv/rows").asLong());
        assertThat(explanations.meansProd().rows()).isEqualTo(oracle.at("/prod_shift.csv/rows").asLong());
        assertThat(explanations.meansTrain().output()).isCloseTo(oracle.at("/train.csv/meanMargin").asDouble(), within(1e-5));
        assertThat(explanations.meansProd().output()).isCloseTo(oracle.at("/prod_shift.csv/meanMargin").asDouble(), within(1e-5));
        for (String feature : MODEL_FEATURES) {
            assertThat(explanations.meansProd().contributions().get(feature))
                    .isCloseTo(oracle.at("/prod_shift.csv/meanContribution/" + feature).asDouble(), within(1e-5));
        }

        // Exact additivity: the causes' parts plus the parts of model inputs in no cause are the whole change.
        double change = explanations.meansProd().output() - explanations.meansTrain().output();
        Map<String, Double> byFeature = explanations.predictionShiftByFeature();
        Set<String> inCauses = new HashSet<>();
        double parts = 0;
        for (Cause cause : report.causes()) {
            if (Double.isFinite(cause.impact().predictionShift())) {
                parts += cause.impact().predictionShift();
                inCauses.addAll(cause.features());
            }
        }
        for (String feature : MODEL_FEATURES) {
            if (!inCauses.contains(feature)) {
                parts += byFeature.get(feature);
            }
        }
        assertThat(inCauses).contains("tenure");
        assertThat(parts).isCloseTo(change, within(1e-9));
        assertThat(byFeature.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(change, within(1e-9));
        // Planted: tenure moved up, and the model lowers risk with tenure.
        assertThat(causeOn(report, "tenure").impact().predictionShift()).isNegative();
    }

    @Test
    void aDriftOnAColumnTheModelDoesNotUseRanksBelowEveryModelInputCause() throws Exception {
        DiagnosticReport report = diagnose(FIXTURE.resolve("prod_shift.csv"));
        CauseInvariants.check(report);

        Cause unused = causeOn(report, "unused_score");
        Cause tenure = causeOn(report, "tenure");
        // The unused column's drift is the louder finding (fail against warn), yet it costs this model nothing.
        assertThat(unused.severity()).isEqualTo(Severity.FAIL);
        assertThat(unused.modelInput()).isFalse();
        assertThat(tenure.modelInput()).isTrue();
        assertThat(report.causes()).filteredOn(Cause::modelInput)
                .allSatisfy(input -> assertThat(input.rank()).isLessThan(unused.rank()));
        assertThat(unused.whatToDo()).contains("does not use");
        // Model-level findings go where the measurements point: the domain classifier's driver, the largest shift.
        assertThat(checksOf(report, unused)).contains("dataset-drift");
        assertThat(checksOf(report, tenure)).contains("prediction-drift");
    }

    @Test
    void aRenameOfTheModelsStrongestInputIsTheFirstCause() throws Exception {
        List<String> lines = Files.readAllLines(FIXTURE.resolve("prod_shift.csv"));
        lines.set(0, lines.get(0).replace("utilisation", "credit_utilisation"));
        Path renamed = dir.resolve("prod_renamed.csv");
        Files.write(renamed, lines);

        DiagnosticReport report = diagnose(renamed);
        CauseInvariants.check(report);

        Cause first = report.causes().get(0);
        assertThat(first.kind()).isEqualTo("renamed-column");
        assertThat(first.features()).containsExactly("utilisation", "credit_utilisation");
        assertThat(first.modelInput()).isTrue();
        // Its importance is the model's largest: utilisation leads the training attributions.
        String strongest = report.explanations().globalTrain().keySet().iterator().next();
        assertThat(strongest).isEqualTo("utilisation");
        assertThat(first.impact().importance().train()).isEqualTo(report.explanations().globalTrain().get("utilisation"));
        for (Cause other : report.causes().subList(1, report.causes().size())) {
            if (other.impact().importance() != null) {
                assertThat(other.impact().importance().train()).isLessThan(first.impact().importance().train());
            }
        }
        // The production file cannot be scored without it, and the column looks "unavailable at serving time":
        // both are this cause's symptoms, not causes of their own.
        assertThat(checksOf(report, first)).containsExactlyInAnyOrder("schema-mismatch", "leakage");
        assertThat(first.findings()).hasSize(3);
        assertThat(report.causes()).noneMatch(c -> c.kind().equals("leakage"));
        assertThat(first.whatToDo()).startsWith("Map credit_utilisation back to utilisation before scoring");
    }

    @Test
    void aChangedRelationIsOneConceptShiftHoldingThePerformanceDrop() throws Exception {
        DiagnosticReport report = diagnose(FIXTURE.resolve("prod_concept.csv"));
        CauseInvariants.check(report);

        Cause concept = report.causes().stream().filter(c -> c.kind().equals("concept-shift")).findFirst().orElseThrow();
        assertThat(checksOf(report, concept)).contains("concept-drift", "performance-drop");
        assertThat(concept.features()).isEmpty();
        // Planted where tenure is above its training median: the worst segment is there.
        assertThat(concept.title()).contains("tenure");
        Finding drift = concept.findings().stream().map(report.findings()::get).filter(f -> f.check().equals("concept-drift"))
                .findFirst().orElseThrow();
        assertThat(drift.evidence().get("segment1").toString()).matches(".*< tenure <=.*|tenure > .*");
    }

    @Test
    void aCleanControlHasNoCauseAboveInfo() throws Exception {
        DiagnosticReport report = diagnose(FIXTURE.resolve("prod_clean.csv"));
        CauseInvariants.check(report);

        assertThat(report.causes()).noneMatch(c -> c.severity() != Severity.INFO);
        assertThat(report.findings()).allMatch(f -> f.severity() == Severity.INFO);
        assertThat(report.explanations().meansProd().output())
                .isCloseTo(oracle.at("/prod_clean.csv/meanMargin").asDouble(), within(1e-5));
    }

    private static Set<String> checksOf(DiagnosticReport report, Cause cause) {
        Set<String> checks = new HashSet<>();
        cause.findings().forEach(i -> checks.add(report.findings().get(i).check()));
        return checks;
    }
}
