package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {

    @TempDir
    Path dir;

    private final CsvReader reader = new CsvReader();

    private Path write(String name, String content) throws IOException {
        return write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t", "|"})
    void detectsEachDelimiter(String d) throws Exception {
        String csv = "a" + d + "b" + d + "c\n1" + d + "x" + d + "2.5\n3" + d + "y" + d + "4\n";
        RawTable t = reader.read(write("d.csv", csv));
        assertThat(t.names()).containsExactly("a", "b", "c");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.columns().get(1)).containsExactly("x", "y");
        assertThat(t.columns().get(2)).containsExactly("2.5", "4");
    }

    @Test
    void semicolonWithDecimalCommasInQuotesIsNotMistakenForComma() throws Exception {
        RawTable t = reader.read(write("s.csv", "a;b\n\"1,5\";x\n\"2,5\";y\n"));
        assertThat(t.names()).containsExactly("a", "b");
        assertThat(t.columns().get(0)).containsExactly("1,5", "2,5");
    }

    @Test
    void utf8BomIsStripped() throws Exception {
        byte[] body = "name,city\n1,Zürich\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        RawTable t = reader.read(write("bom.csv", withBom));
        assertThat(t.names()).containsExactly("name", "city");
        assertThat(t.columns().get(1)).containsExactly("Zürich");
    }

    @Test
    void latin1IsDecodedWhenNotUtf8() throws Exception {
        RawTable t = reader.read(write("l1.csv", "id,city\n1,Zürich\n2,Malmö\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(t.columns().get(1)).containsExactly("Zürich", "Malmö");
    }

    @Test
    void quotedFieldsKeepDelimitersNewlinesAndQuotes() throws Exception {
        RawTable t = reader.read(write("q.csv", "a,b\n\"x, y\",\"line1\nline2\"\n\"say \"\"hi\"\"\",2\n"));
        assertThat(t.columns().get(0)).containsExactly("x, y", "say \"hi\"");
        assertThat(t.columns().get(1)).containsExactly("line1\nline2", "2");
    }

    @Test
    void emptyIsMissingAndNaIsData() throws Exception {
        RawTable t = reader.read(write("na.csv", "a,b\nNA,1\n,2\n  , 3\n"));
        assertThat(t.columns().get(0)).containsExactly("NA", null, "  ");
        assertThat(t.columns().get(1)).containsExactly("1", "2", " 3");
    }

    @Test
    void sourceHasShaAndFormat() throws Exception {
        byte[] bytes = "a\n1\n".getBytes(StandardCharsets.UTF_8);
        Path p = write("sha.csv", bytes);
        RawTable t = reader.read(p);
        assertThat(t.source().format()).isEqualTo("csv");
        assertThat(t.source().path()).isEqualTo(p);
        assertThat(t.source().sha256()).isEqualTo(
                HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> reader.read(dir.resolve("nope.csv")))
                .isInstanceOf(UnreadableInputException.class).hasMessageContaining("nope.csv").hasMessageContaining("not found");
    }

    @Test
    void emptyFile() throws Exception {
        Path p = write("empty.csv", "");
        assertThatThrownBy(() -> reader.read(p)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("empty.csv is empty");
    }

    @Test
    void headerOnly() throws Exception {
        Path p = write("train.csv", "a,b,c\n");
        assertThatThrownBy(() -> reader.read(p)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("train.csv has a header but no data rows");
    }

    @Test
    void tooManyFields() throws Exception {
        Path p = write("train.csv", "a,b,c,d\n1,2,3,4\n1,2,3,4,5\n");
        assertThatThrownBy(() -> reader.read(p)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("train.csv: line 3 has 5 fields, the header has 4");
    }

    @Test
    void tooFewFieldsCountsFileLinesAcrossQuotedNewlines() throws Exception {
        Path p = write("prod.csv", "a,b,c\n\"x\ny\",2,3\n1,2\n");
        assertThatThrownBy(() -> reader.read(p)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("prod.csv: line 4 has 2 fields, the header has 3");
    }

    @Test
    void binaryFile() throws Exception {
        Path p = write("model.csv", new byte[] {1, 2, 0, 5, 'a', ',', 'b', '\n'});
        assertThatThrownBy(() -> reader.read(p)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("model.csv").hasMessageContaining("does not look like a text/CSV file");
    }

    @Test
    void controlCharactersWithoutNulAreBinaryToo() throws Exception {
        byte[] b = new byte[200];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        }
        Path p = write("ctl.csv", b);
        assertThatThrownBy(() -> reader.read(p)).hasMessageContaining("does not look like a text/CSV file");
    }

    @Test
    void duplicateColumnName() throws Exception {
        Path p = write("dup.csv", "a,b,a\n1,2,3\n");
        assertThatThrownBy(() -> reader.read(p)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("dup.csv").hasMessageContaining("line 1").hasMessageContaining("\"a\"")
                .hasMessageContaining("columns 1 and 3");
    }

    @Test
    void emptyColumnName() throws Exception {
        Path p = write("noname.csv", "a,,c\n1,2,3\n");
        assertThatThrownBy(() -> reader.read(p)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("noname.csv").hasMessageContaining("column 2 has no name");
    }

    @Test
    void readsCommittedResource() throws Exception {
        Path p = Path.of(getClass().getResource("/org/modellens/data/pipes.txt").toURI());
        RawTable t = SnapshotReaders.read(p);
        assertThat(t.names()).containsExactly("id", "label", "score");
        assertThat(t.rows()).isEqualTo(3);
        assertThat(t.columns().get(1)).containsExactly("NA", null, "a|b");
    }

    @Test
    void largeFileReadsQuickly() throws Exception {
        StringBuilder sb = new StringBuilder(20_000_000);
        sb.append("n1,n2,n3,n4,n5,n6,n7,n8,c1,c2,c3,c4\n");
        java.util.Random rnd = new java.util.Random(1);
        for (int r = 0; r < 200_000; r++) {
            for (int c = 0; c < 8; c++) {
                sb.append(Math.round(rnd.nextGaussian() * 100000) / 100.0).append(',');
            }
            sb.append("cat").append(rnd.nextInt(10)).append(",grp").append(rnd.nextInt(5)).append(',')
              .append(rnd.nextBoolean() ? "yes" : "no").append(",reg").append(rnd.nextInt(50)).append('\n');
        }
        Path p = write("big.csv", sb.toString());
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            long t0 = System.nanoTime();
            // the path diagnose takes: bytes straight into typed columns
            Snapshot t = SnapshotLoader.readTraining(p, java.util.Set.of(), java.util.Set.of(), null);
            best = Math.min(best, System.nanoTime() - t0);
            assertThat(t.rows()).isEqualTo(200_000);
            assertThat(t.column("n1").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
        }
        // generous bound for slow CI machines; the warm figure is typically far lower
        assertThat(best / 1_000_000).isLessThan(2_000);
    }

    /** A file big enough to be parsed in slices on several threads reads exactly as it was written. */
    @Test
    void slicedParsingKeepsEveryRowInOrder() throws Exception {
        StringBuilder sb = new StringBuilder("row,value,label\r\n");
        int rows = 150_000;
        for (int r = 0; r < rows; r++) {
            sb.append(r).append(',').append(r % 7 == 0 ? "" : String.valueOf(r * 0.5)).append(",l").append(r % 13).append("\r\n");
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(CsvReader.slices(bytes)).hasSizeGreaterThan(2);
        RawTable t = reader.read(write("sliced.csv", bytes));
        assertThat(t.rows()).isEqualTo(rows);
        for (int r = 0; r < rows; r++) {
            assertThat(t.columns().get(0)[r]).isEqualTo(String.valueOf(r));
        }
        assertThat(t.columns().get(1)[7]).isNull();
        assertThat(t.columns().get(1)[rows - 1]).isEqualTo(String.valueOf((rows - 1) * 0.5));
        assertThat(t.columns().get(2)[rows - 1]).isEqualTo("l" + ((rows - 1) % 13));
    }

    /** A ragged row deep in a sliced file is reported with its line number in the whole file. */
    @Test
    void slicedParsingReportsFileLineOfRaggedRow() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int r = 0; r < 200_000; r++) {
            sb.append(r).append(r == 170_000 ? "\n" : ",x\n");
        }
        Path p = write("ragged.csv", sb.toString());
        assertThatThrownBy(() -> reader.read(p))
                .hasMessage("ragged.csv: line 170002 has 1 field, the header has 2");
    }

    /** Quotes may hide line breaks inside fields: such a file is parsed in one piece, correctly. */
    @Test
    void quotedLineBreaksInBigFileAreNotSplit() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int r = 0; r < 100_000; r++) {
            sb.append(r).append(",\"two\nlines ").append(r).append("\"\n");
        }
        byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(CsvReader.slices(bytes)).hasSize(1);
        RawTable t = reader.read(write("quoted.csv", bytes));
        assertThat(t.rows()).isEqualTo(100_000);
        assertThat(t.columns().get(1)[99_999]).isEqualTo("two\nlines 99999");
    }
}
