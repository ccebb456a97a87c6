package org.modellens.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.data.SnapshotReaders;
import org.modellens.data.UnreadableInputException;

/**
 * Issue 19, data files whose declared sizes were trusted: a Parquet column chunk declaring 1 TB
 * made the reader run out of memory. The footer of a valid file is rewritten with the hostile value.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileDataFilesTest {

    @TempDir
    Path dir;

    /** The snappy codec fixture with its footer changed by {@code change}. */
    static byte[] parquetWithFooter(Consumer<FileMetaData> change) throws Exception {
        byte[] bytes = HostileModels.resource("/org/modellens/data/codec-snappy.parquet");
        int footerLength = ByteBuffer.wrap(bytes, bytes.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int footerStart = bytes.length - 8 - footerLength;
        FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(bytes, footerStart, footerLength));
        change.accept(footer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Arrays.copyOf(bytes, footerStart));
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        Util.writeFileMetaData(footer, encoded);
        out.write(encoded.toByteArray());
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(encoded.size()).array());
        out.write("PAR1".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void aParquetChunkDeclaringOneTerabyteIsRefusedBeforeAllocating() throws Exception {
        Path file = Files.write(dir.resolve("huge.parquet"), parquetWithFooter(footer ->
                footer.getRow_groups().get(0).getColumns().get(0).getMeta_data().setTotal_compressed_size(1L << 40)));

        assertThatThrownBy(() -> SnapshotReaders.read(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessageStartingWith("huge.parquet: row group 0, column \"id\" declares 1024.0 GB at byte 4, outside the "
                        + "file's");
    }

    @Test
    void aParquetChunkDeclaringAHugeDecodedSizeIsRefused() throws Exception {
        Path file = Files.write(dir.resolve("bomb.parquet"), parquetWithFooter(footer ->
                footer.getRow_groups().get(0).getColumns().get(1).getMeta_data().setTotal_uncompressed_size(1L << 33)));

        assertThatThrownBy(() -> SnapshotReaders.read(file))
                .hasMessageStartingWith("bomb.parquet: row group 0, column \"amount\" declares 8.0 GB once decompressed")
                .hasMessageContaining("decompression bomb");
    }

    @Test
    void theUnchangedFooterStillReads() throws Exception {
        Path file = Files.write(dir.resolve("same.parquet"), parquetWithFooter(footer -> { }));

        assertThat(SnapshotReaders.read(file).rows()).isEqualTo(300);
    }

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /**
     * A minimal workbook (the five parts Excel needs) of {@code rows} data rows of three numbers, its
     * sheet XML written in a stream: POI's own writer took 50 s for 800,000 rows on the shared machine.
     *
     * @param dimension the sheet's declared dimension ({@code "A1:C3"}), or {@code null} for none
     */
    private Path workbook(String name, int rows, String dimension) throws Exception {
        Path file = dir.resolve(name);
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(
                new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            part(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
                    + ".spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\""
                    + "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            part(zip, "_rels/.rels", "<Relationships xmlns=\"" + RELATIONSHIPS + "\"><Relationship Id=\"rId1\" Type=\""
                    + OFFICE + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            part(zip, "xl/workbook.xml", "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + OFFICE + "\"><sheets>"
                    + "<sheet name=\"data\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            part(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + RELATIONSHIPS + "\"><Relationship Id=\"rId1\" "
                    + "Type=\"" + OFFICE + "/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            zip.putNextEntry(new java.util.zip.ZipEntry("xl/worksheets/sheet1.xml"));
            java.io.Writer sheet = new java.io.OutputStreamWriter(zip, StandardCharsets.UTF_8);
            sheet.write("<worksheet xmlns=\"" + MAIN + "\">" + (dimension == null ? "" : "<dimension ref=\"" + dimension + "\"/>")
                    + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c><c r=\"B1\" t=\"inlineStr\">"
                    + "<is><t>b</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>c</t></is></c></row>");
            StringBuilder row = new StringBuilder(128);
            for (int r = 2; r <= rows + 1; r++) {
                row.setLength(0);
                row.append("<row r=\"").append(r).append("\">");
                for (char c = 'A'; c <= 'C'; c++) {
                    row.append("<c r=\"").append(c).append(r).append("\"><v>").append(r * 3 + c - 'A').append("</v></c>");
                }
                sheet.write(row.append("</row>").toString());
            }
            sheet.write("</sheetData></worksheet>");
            sheet.flush();
            zip.closeEntry();
        }
        return file;
    }

    private static void part(java.util.zip.ZipOutputStream zip, String name, String xml) throws java.io.IOException {
        zip.putNextEntry(new java.util.zip.ZipEntry(name));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @Test
    void aWorkbookOfEightHundredThousandRowsIsRefusedBeforeItFillsTheHeap() throws Exception {
        Path file = workbook("big.xlsx", 800_000, null);

        assertThatThrownBy(() -> SnapshotReaders.read(file)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("big.xlsx: its part xl/worksheets/sheet1.xml unpacks to more than 64 MB; a workbook this large "
                        + "is not read into memory: save the sheet as CSV, which is read in streaming at any size");
    }

    @Test
    void aWorkbookDeclaringMoreCellsThanTheLimitIsRefusedFromItsDimension() throws Exception {
        Path small = workbook("small.xlsx", 2, "A1:C3");
        Path declared = workbook("declared.xlsx", 2, "A1:C800001");

        assertThat(SnapshotReaders.read(small).rows()).isEqualTo(2);
        assertThatThrownBy(() -> SnapshotReaders.read(declared)).hasMessage("declared.xlsx: sheet xl/worksheets/sheet1.xml "
                + "declares 800001 rows x 3 columns, more than the 1000000 cells a workbook may have to be read into memory; "
                + "save the sheet as CSV, which is read in streaming at any size");
    }
}
