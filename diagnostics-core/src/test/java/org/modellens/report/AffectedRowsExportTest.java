package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.checks.AffectedRows;
import org.modellens.checks.Finding;
import org.modellens.data.RawTable;
import org.modellens.data.RowExport;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotReaders;

/**
 * Every affected row of a finding, not just the examples the report carries, written back from the
 * production snapshot: on the sample case, each row-level finding's export holds exactly its count of
 * rows, the id column first, the examples first in file order, and each row's cells as in the file.
 */
class AffectedRowsExportTest {

    @TempDir
    Path dir;

    @Test
    void eachRowLevelFindingExportsAllItsRowsAsTheyAreInTheFile() throws Exception {
        DiagnosticReport report = ReportFixtures.sample();
        Snapshot prod = report.inputs().prod();
        RawTable file = SnapshotReaders.read(ReportFixtures.SAMPLE_PROD);
        List<Finding> exported = new ArrayList<>();
        List<String> ids = prod.columns().stream().filter(org.modellens.data.Column::identifier)
                .map(org.modellens.data.Column::name).toList();
        assertThat(ids).startsWith("application_id");
        for (Finding finding : report.findings()) {
            AffectedRows rows = finding.rows();
            if (rows == null || rows.heldRows() == null) {
                continue;
            }
            exported.add(finding);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long written = RowExport.write(prod, rows.heldRows(), finding.feature(), out);
            assertThat(written).as(finding.title()).isEqualTo(rows.count());
            Path csv = Files.write(dir.resolve("rows.csv"), out.toByteArray());
            if (written == 0) {
                continue;
            }
            RawTable back = SnapshotReaders.read(csv);
            assertThat(back.rows()).isEqualTo(rows.count());
            // The columns the loader took for row identifiers come first (application_id leads), then the file row.
            assertThat(back.names().subList(0, ids.size() + 1)).containsExactlyElementsOf(with(ids, "row"));
            if (finding.feature() != null && !ids.contains(finding.feature())) {
                assertThat(back.names().get(ids.size() + 1)).isEqualTo(finding.feature());
            }
            assertThat(back.names()).containsExactlyInAnyOrderElementsOf(with(file.names(), "row"));
            String[] fileRows = back.columns().get(ids.size());
            for (int i = 0; i < rows.examples().size(); i++) {
                assertThat(Integer.parseInt(fileRows[i])).isEqualTo(rows.examples().get(i));
            }
            for (int r = 0; r < back.rows(); r++) {
                int fileRow = Integer.parseInt(fileRows[r]);
                if (r > 0) {
                    assertThat(fileRow).isGreaterThan(Integer.parseInt(fileRows[r - 1]));
                }
                for (int c = 0; c < back.names().size(); c++) {
                    if (c == ids.size()) {
                        continue;
                    }
                    String written1 = back.columns().get(c)[r];
                    String original = file.columns().get(file.names().indexOf(back.names().get(c)))[fileRow];
                    assertThat(same(written1, original)).as("%s, file row %d, column %s: %s vs %s", finding.title(), fileRow,
                            back.names().get(c), written1, original).isTrue();
                }
            }
        }
        // The sample case plants row-level problems: out-of-range, unseen categories, missing values, personal data.
        assertThat(exported).extracting(Finding::check).contains("out-of-range", "unseen-category", "missing-values", "pii");
        assertThat(exported).anyMatch(f -> f.rows().count() > AffectedRows.MAX_EXAMPLES);
    }

    @Test
    void fieldsThatNeedQuotesAreQuotedAndAHeldSetOutsideTheSnapshotIsIgnored() throws Exception {
        Path csv = Files.writeString(dir.resolve("quotes.csv"),
                "code,note,amount\nA1,\"plain\",1.50\nA2,\"comma, inside\",2\nA3,\"say \"\"hi\"\"\",\nA4,\" padded \",4\n");
        Snapshot snapshot = org.modellens.data.SnapshotLoader.readTraining(csv, java.util.Set.of(), java.util.Set.of(), null);
        BitSet rows = new BitSet();
        rows.set(1, 4);
        rows.set(99);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(RowExport.write(snapshot, rows, "amount", out)).isEqualTo(3);
        RawTable back = SnapshotReaders.read(Files.write(dir.resolve("back.csv"), out.toByteArray()));
        List<String> notes = List.of(back.columns().get(back.names().indexOf("note")));
        assertThat(notes).containsExactly("comma, inside", "say \"hi\"", " padded ");
        assertThat(back.columns().get(back.names().indexOf("amount"))).containsExactly("2", null, "4");
        assertThat(back.columns().get(back.names().indexOf("row"))).containsExactly("1", "2", "3");
    }

    private static List<String> with(List<String> names, String extra) {
        List<String> all = new ArrayList<>(names);
        all.add(extra);
        return all;
    }

    /** Equal text, or the same number written in another form ("33330.00" and "33330"). */
    private static boolean same(String written, String original) {
        if (written == null || original == null) {
            return written == null && original == null;
        }
        if (written.equals(original)) {
            return true;
        }
        try {
            return Double.parseDouble(written) == Double.parseDouble(original);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
