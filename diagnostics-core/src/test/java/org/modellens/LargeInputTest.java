package org.modellens;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modellens.checks.AffectedRows;
import org.modellens.checks.Finding;
import org.modellens.checks.MissingValuesCheck;
import org.modellens.checks.Severity;
import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.data.RowTally;
import org.modellens.data.Sampling;
import org.modellens.data.Snapshot;
import org.modellens.data.SourceInfo;

/** Affected rows that a check found on a production sample are reported as file rows. */
class LargeInputTest {

    private static Snapshot sampledProduction() {
        Column city = new Column("city", ColumnType.CATEGORICAL, false, new String[] {"a", "b", "c"}, null, 0);
        Sampling sampling = new Sampling(100, 3, 1, new long[] {5, 17, 42}, Map.of(), new RowTally());
        return new Snapshot(new SourceInfo(Path.of("prod.csv"), "csv", ""), 3, List.of(city), sampling);
    }

    @Test
    void samplePositionsBecomeFileRowsForChecksThatCountOnTheSample() {
        Finding onSample = new Finding("type-mismatch", "city", Severity.WARN, "t", "d", Map.of(),
                new AffectedRows(2, List.of(0, 2)));

        Finding mapped = LargeInput.sampleRowsToFileRows(onSample, sampledProduction());

        assertThat(mapped.rows().examples()).containsExactly(5, 42);
        assertThat(mapped.rows().count()).isEqualTo(2);
        assertThat(mapped.evidence()).containsEntry("rowsCountedOn", "the sample of 3 of 100 production rows");
    }

    @Test
    void checksThatCountedOnTheWholeFileAreLeftAlone() {
        Finding onFile = new Finding(MissingValuesCheck.ID, "city", Severity.WARN, "t", "d", Map.of(),
                new AffectedRows(7, List.of(3, 9)));

        assertThat(LargeInput.sampleRowsToFileRows(onFile, sampledProduction())).isSameAs(onFile);
    }
}
