package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** A multiclass row explanation names its class in the JSON; a regression one names none. */
class ExplanationClassJsonTest {

    @Test
    void rowsNameTheExplainedAndThePredictedClass() throws Exception {
        DiagnosticReport base = ReportFixtures.sample();
        List<Explanations.RowExplanation> rows = List.of(
                new Explanations.RowExplanation(4, 0.7, 1.2, 0.2, Map.of("income", 1.0), "setosa", "setosa"),
                new Explanations.RowExplanation(4, 0.2, -0.3, 0.1, Map.of("income", -0.4), "virginica", "setosa"),
                new Explanations.RowExplanation(5, 12.5, 12.5, 10.0, Map.of("income", 2.5)));
        Explanations explanations = new Explanations("margin", "tree-shap", Map.of(), Map.of(), rows);
        DiagnosticReport report = new DiagnosticReport(base.toolVersion(), base.inputs(), base.findings(), base.features(),
                base.settings(), base.model(), explanations);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(report, out);

        JsonNode written = new ObjectMapper().readTree(out.toByteArray()).get("explanations").get("rows");
        assertThat(written.get(0).get("class").asText()).isEqualTo("setosa");
        assertThat(written.get(1).get("class").asText()).isEqualTo("virginica");
        assertThat(written.get(1).get("predictedClass").asText()).isEqualTo("setosa");
        assertThat(written.get(2).has("class")).isFalse();
        assertThat(written.get(2).has("predictedClass")).isFalse();
    }
}
