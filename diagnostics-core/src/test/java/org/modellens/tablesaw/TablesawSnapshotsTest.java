package org.modellens.tablesaw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.modellens.Diagnosis;
import org.modellens.ProgressListener;
import org.modellens.checks.Finding;
import org.modellens.data.ColumnType;
import org.modellens.data.Snapshot;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Tablesaw tables diagnosed like files, and a finding's rows handed back as a Tablesaw table. */
class TablesawSnapshotsTest {

    @Test
    void tablesAreTypedLikeFilesAndAffectedRowsComeBackAsATable() {
        Table train = table("train", 2_000, 1, 0);
        Table prod = table("prod", 1_000, 2, 1);
        Snapshot trainSnapshot = TablesawSnapshots.training(train, "y");
        Snapshot prodSnapshot = TablesawSnapshots.like(prod, trainSnapshot);

        assertThat(trainSnapshot.column("income").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
        assertThat(trainSnapshot.column("region").orElseThrow().type()).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(trainSnapshot.column("y").orElseThrow().type()).isEqualTo(ColumnType.BOOLEAN); // 0/1 integers
        assertThat(trainSnapshot.column("income").orElseThrow().numbers()[7]).isEqualTo(train.doubleColumn("income").get(7));
        assertThat(prodSnapshot.column("region").orElseThrow().isMissing(3)).isTrue(); // the empty string

        DiagnosticReport report = Diagnosis.analyse(trainSnapshot, prodSnapshot, "y", "auto", Settings.defaults(), List.of(),
                ProgressListener.NONE);
        // Production incomes are ten times training's in a tenth of the rows: out of range, with example rows.
        Finding outOfRange = report.findings().stream()
                .filter(f -> f.check().equals("out-of-range") && "income".equals(f.feature())).findFirst().orElseThrow();
        Table rows = TablesawSnapshots.affectedRows(outOfRange, prod);
        assertThat(rows.rowCount()).isEqualTo(outOfRange.rows().examples().size()).isPositive();
        assertThat(rows.columnNames()).isEqualTo(prod.columnNames());
        for (int i = 0; i < rows.rowCount(); i++) {
            int row = outOfRange.rows().examples().get(i);
            assertThat(rows.doubleColumn("income").get(i)).isEqualTo(prod.doubleColumn("income").get(row));
            assertThat(rows.doubleColumn("income").get(i)).isGreaterThan(trainSnapshot.column("income").orElseThrow()
                    .presentNumbers().length > 0 ? max(trainSnapshot) : 0);
        }
    }

    private static double max(Snapshot train) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : train.column("income").orElseThrow().presentNumbers()) {
            max = Math.max(max, v);
        }
        return max;
    }

    private static Table table(String name, int rows, long seed, int scaled) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] income = new double[rows];
        String[] region = new String[rows];
        int[] y = new int[rows];
        for (int i = 0; i < rows; i++) {
            income[i] = 30_000 + 5_000 * r.nextDouble() * (scaled == 1 && i % 10 == 0 ? 10 : 1);
            region[i] = scaled == 1 && i == 3 ? "" : "r" + r.nextInt(4);
            y[i] = r.nextInt(2);
        }
        return Table.create(name, DoubleColumn.create("income", income), StringColumn.create("region", region),
                IntColumn.create("y", y));
    }
}
