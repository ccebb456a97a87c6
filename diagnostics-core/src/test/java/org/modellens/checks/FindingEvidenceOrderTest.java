package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The same findings give the same report byte for byte: evidence keys come in a fixed order. */
class FindingEvidenceOrderTest {

    @Test
    void evidenceGivenAsMapOfIsAlphabetical() {
        Map<String, Object> evidence = Map.of("zeta", 1, "alpha", 2, "mu", 3, "beta", 4, "omega", 5, "kappa", 6);
        Finding finding = new Finding("schema-mismatch", null, Severity.INFO, "t", "d", evidence, null);
        assertThat(finding.evidence().keySet()).containsExactly("alpha", "beta", "kappa", "mu", "omega", "zeta");
    }

    @Test
    void evidenceInAnOrderOfItsOwnKeepsIt() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("zeta", 1);
        evidence.put("alpha", 2);
        Finding finding = new Finding("schema-mismatch", null, Severity.INFO, "t", "d", evidence, null);
        assertThat(finding.evidence().keySet()).containsExactly("zeta", "alpha");
    }
}
