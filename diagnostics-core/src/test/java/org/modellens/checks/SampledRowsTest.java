package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modellens.data.Column;
import org.modellens.data.ColumnType;
import org.modellens.data.RowTally;
import org.modellens.data.Sampling;
import org.modellens.data.Snapshot;
import org.modellens.data.SourceInfo;

/** A snapshot that holds a sample of its file reports the rows a check counts on it as file rows, and says the count is the sample's. */
class SampledRowsTest {

    private static final SourceInfo PROD = new SourceInfo(Path.of("prod.csv"), "csv", "");

    /** Rows 5, 17 and 42 of a 100-row file. */
    private static Snapshot sampled(Column column) {
        Sampling sampling = new Sampling(100, 3, 1, new long[] {5, 17, 42}, Map.of(), new RowTally());
        return new Snapshot(PROD, 3, List.of(column), sampling);
    }

    @Test
    void heldRowsAreNamedByTheirFileRows() {
        Snapshot prod = sampled(new Column("city", ColumnType.CATEGORICAL, false, new String[] {"a", "b", "c"}, null, 0));

        AffectedRows rows = Rows.matching(row -> row != 1, prod);

        assertThat(rows.examples()).containsExactly(5, 42);
        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.sample()).isEqualTo(new AffectedRows.Sample(3, 100));
        assertThat(prod.fileRow(2)).isEqualTo(42);
        assertThat(prod.heldRow(17)).isEqualTo(1);
        assertThat(prod.heldRow(18)).isEqualTo(-1);
    }

    @Test
    void everyRowHeldIsCountedOnTheWholeFile() {
        Snapshot prod = new Snapshot(PROD, 3, List.of(new Column("city", ColumnType.CATEGORICAL, false,
                new String[] {"a", "b", "c"}, null, 0)));

        AffectedRows rows = Rows.matching(row -> row != 1, prod);

        assertThat(rows.count()).isEqualTo(2);
        assertThat(rows.examples()).containsExactly(0, 2);
        assertThat(rows.sample()).isNull();
    }

    @Test
    void aCheckOnASampleGivesFileRows() {
        String[] mails = {"ann@example.org", "bo@example.org", "cy@example.org"};
        Snapshot train = new Snapshot(new SourceInfo(Path.of("train.csv"), "csv", ""), 3,
                List.of(new Column("contact", ColumnType.CATEGORICAL, false, mails, null, 0)));
        Snapshot prod = sampled(new Column("contact", ColumnType.CATEGORICAL, false, mails.clone(), null, 0));
        CheckContext context = new CheckContext(train, prod, null, org.modellens.settings.Settings.defaults(), List.of(), null);

        List<Finding> pii = new PiiCheck().run(context);

        assertThat(pii).singleElement().satisfies(f -> {
            assertThat(f.rows().examples()).containsExactly(5, 17, 42);
            assertThat(f.rows().sample()).isEqualTo(new AffectedRows.Sample(3, 100));
        });
    }
}
