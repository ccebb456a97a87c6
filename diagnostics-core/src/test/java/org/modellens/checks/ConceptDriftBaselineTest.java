package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.modellens.Diagnosis;
import org.modellens.DiagnosisRequest;
import org.modellens.ProgressListener;
import org.modellens.causes.PerformanceSection;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/**
 * Concept drift judged against the held-out reference: an over-fitted XGBoost model (AUC 1.0 on its own
 * training rows, 0.74 on fresh ones; fixture and its generator in causes/overfit) must not make fresh
 * production rows of an unchanged process look like a changed concept, and a planted change of the
 * outcome where tenure is high must still be found and named.
 */
class ConceptDriftBaselineTest {

    private static final Path FIXTURE = Path.of("src/test/resources/org/modellens/causes/overfit");

    private static DiagnosticReport diagnose(String prod) throws Exception {
        DiagnosisRequest request = new DiagnosisRequest(FIXTURE.resolve("train.csv"), FIXTURE.resolve(prod), "label", "auto",
                Set.of(), Set.of(), Settings.defaults(), FIXTURE.resolve("model.json"), List.of(), null)
                .withReference(FIXTURE.resolve("reference.csv"));
        return Diagnosis.run(request, ProgressListener.NONE);
    }

    private static List<Finding> conceptDrift(DiagnosticReport report) {
        return report.findings().stream().filter(f -> f.check().equals(ConceptDriftCheck.ID)).toList();
    }

    @Test
    void anOverfittedModelOnAnUnchangedProcessIsNoConceptDrift() throws Exception {
        JsonNode oracle = new ObjectMapper().readTree(FIXTURE.resolve("oracle.json").toFile());
        DiagnosticReport report = diagnose("prod_clean.csv");

        // The fixture is what it claims: perfect in-sample, ordinary on held-out rows (XGBoost + sklearn's AUC).
        assertThat(oracle.at("/train.csv/auc").asDouble()).isGreaterThan(0.99);
        assertThat(report.performance().baseline().source()).isEqualTo(PerformanceSection.REFERENCE);
        assertThat(report.performance().baseline().value()).isCloseTo(oracle.at("/reference.csv/auc").asDouble(), within(1e-6));
        assertThat(conceptDrift(report)).allMatch(f -> f.severity() == Severity.INFO);
    }

    @Test
    void aChangedOutcomeWhereTenureIsHighIsFoundAgainstTheReference() throws Exception {
        DiagnosticReport report = diagnose("prod_concept.csv");

        assertThat(conceptDrift(report)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isNotEqualTo(Severity.INFO);
            assertThat(f.evidence()).containsEntry("baseline", "reference");
            assertThat(f.evidence().get("segment1").toString()).matches(".*< tenure <=.*|tenure > .*");
            assertThat(f.detail()).contains("calibrated on the reference labels");
        });
    }
}
