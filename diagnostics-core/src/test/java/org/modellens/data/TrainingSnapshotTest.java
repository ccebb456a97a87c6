package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The one-pass training build agrees with inferring types first and building after. */
class TrainingSnapshotTest {

    private static RawTable table() {
        int rows = 400;
        String[] amount = new String[rows];
        String[] code = new String[rows];
        String[] flag = new String[rows];
        String[] key = new String[rows];
        for (int r = 0; r < rows; r++) {
            // 2% display-formatted numbers: still a numeric column, recovered values.
            amount[r] = r % 50 == 0 ? "$1,2" + (r % 10) + "0" : r % 37 == 0 ? null : String.valueOf(r * 1.5);
            code[r] = "c" + (r % 7);
            flag[r] = r % 3 == 0 ? "yes" : "no";
            key[r] = "K" + (100000 + r);
        }
        List<String[]> columns = new ArrayList<>(List.of(amount, code, flag, key));
        return new RawTable(new SourceInfo(Path.of("t.csv"), "csv", "0"), List.of("amount", "code", "flag", "row_key"), columns, rows);
    }

    @Test
    void sameColumnsAsTheTwoStepBuild() {
        RawTable raw = table();
        Snapshot oneStep = SnapshotBuilder.buildTraining(raw, Set.of("code"), Set.of(), null);
        var types = SnapshotBuilder.inferTypes(raw, Set.of("code"), Set.of());
        Snapshot twoStep = SnapshotBuilder.build(raw, types, SnapshotBuilder.inferIdentifiers(raw, types));
        for (int c = 0; c < raw.names().size(); c++) {
            Column a = oneStep.columns().get(c);
            Column b = twoStep.columns().get(c);
            assertThat(a.type()).as(a.name()).isEqualTo(b.type());
            assertThat(a.identifier()).as(a.name()).isEqualTo(b.identifier());
            assertThat(a.unparsableCount()).as(a.name()).isEqualTo(b.unparsableCount());
            assertThat(a.numbers()).as(a.name()).isEqualTo(b.numbers());
        }
        Column amount = oneStep.columns().get(0);
        assertThat(amount.type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(amount.unparsableCount()).isEqualTo(8);
        assertThat(amount.numbers()[0]).isEqualTo(1200.0);
        assertThat(oneStep.columns().get(3).identifier()).isTrue();
    }

    @Test
    void theTargetIsNeverAnIdentifier() {
        Snapshot snapshot = SnapshotBuilder.buildTraining(table(), Set.of(), Set.of(), "row_key");
        assertThat(snapshot.columns().get(3).identifier()).isFalse();
    }
}
