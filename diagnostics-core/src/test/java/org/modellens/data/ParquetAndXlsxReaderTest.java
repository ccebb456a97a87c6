package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import blue.strategic.parquet.ParquetWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetAndXlsxReaderTest {

    @TempDir
    Path dir;

    record Rec(int id, Double score, String label, boolean flag, long big) {
    }

    @Test
    void parquetReadsBackAsText() throws Exception {
        MessageType schema = Types.buildMessage()
                .required(PrimitiveTypeName.INT32).named("id")
                .optional(PrimitiveTypeName.DOUBLE).named("score")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("label")
                .required(PrimitiveTypeName.BOOLEAN).named("flag")
                .required(PrimitiveTypeName.INT64).named("big")
                .named("rec");
        Path p = dir.resolve("train.parquet");
        List<Rec> recs = List.of(new Rec(1, 0.1, "NA", true, 10_000_000_000L),
                new Rec(2, null, null, false, -5), new Rec(3, 1e20, "b", true, 0));
        try (ParquetWriter<Rec> w = ParquetWriter.writeFile(schema, p.toFile(), (r, vw) -> {
            vw.write("id", r.id());
            if (r.score() != null) {
                vw.write("score", r.score());
            }
            if (r.label() != null) {
                vw.write("label", r.label());
            }
            vw.write("flag", r.flag());
            vw.write("big", r.big());
        })) {
            for (Rec r : recs) {
                w.write(r);
            }
        }
        RawTable t = SnapshotReaders.read(p);
        assertThat(t.source().format()).isEqualTo("parquet");
        assertThat(t.source().sha256()).hasSize(64);
        assertThat(t.names()).containsExactly("id", "score", "label", "flag", "big");
        assertThat(t.rows()).isEqualTo(3);
        assertThat(t.columns().get(0)).containsExactly("1", "2", "3");
        assertThat(t.columns().get(1)).containsExactly("0.1", null, "1.0E20");
        assertThat(TypeInference.parseNumber(t.columns().get(1)[2])).isEqualTo(1e20);
        assertThat(t.columns().get(2)).containsExactly("NA", null, "b");
        assertThat(t.columns().get(3)).containsExactly("true", "false", "true");
        assertThat(t.columns().get(4)).containsExactly("10000000000", "-5", "0");
    }

    @Test
    void unsupportedParquetColumnsAreRefusedByName() {
        // parquet-floor's writer cannot write these types, so the schema check is tested directly
        MessageType raw = Types.buildMessage().required(PrimitiveTypeName.BINARY).named("blob").named("rec");
        assertThatThrownBy(() -> ParquetReader.checkSupported(raw, "blob.parquet")).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("blob.parquet").hasMessageContaining("\"blob\"");
        MessageType nested = Types.buildMessage().optionalGroup().required(PrimitiveTypeName.INT32).named("x").named("point")
                .named("rec");
        assertThatThrownBy(() -> ParquetReader.checkSupported(nested, "n.parquet")).hasMessageContaining("\"point\"");
        MessageType legacy = Types.buildMessage().optional(PrimitiveTypeName.INT96).named("ts").named("rec");
        assertThatThrownBy(() -> ParquetReader.checkSupported(legacy, "l.parquet")).hasMessageContaining("\"ts\"");
    }

    @Test
    void brokenParquet() throws Exception {
        Path p = dir.resolve("bad.parquet");
        Files.writeString(p, "PAR1 this is not parquet");
        assertThatThrownBy(() -> SnapshotReaders.read(p)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("bad.parquet");
    }

    @Test
    void xlsxReadsFirstSheet() throws Exception {
        Path p = dir.resolve("prod.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            Sheet s = wb.createSheet("data");
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle dtStyle = wb.createCellStyle();
            dtStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            Row h = s.createRow(0);
            String[] names = {"id", "amount", "when", "at", "city", "ok"};
            for (int i = 0; i < names.length; i++) {
                h.createCell(i).setCellValue(names[i]);
            }
            Row r1 = s.createRow(1);
            r1.createCell(0).setCellValue(1000);
            r1.createCell(1).setCellValue(0.1);
            r1.createCell(2).setCellValue(LocalDate.of(2024, 3, 5));
            r1.getCell(2).setCellStyle(dateStyle);
            r1.createCell(3).setCellValue(LocalDateTime.of(2024, 3, 5, 13, 7, 9));
            r1.getCell(3).setCellStyle(dtStyle);
            r1.createCell(4).setCellValue("NA");
            r1.createCell(5).setCellValue(true);
            Row r2 = s.createRow(2);
            r2.createCell(0).setCellValue(2);
            r2.createCell(1).setCellValue(1234567.891);
            r2.createCell(4).setCellValue("Zürich");
            r2.createCell(5).setCellFormula("1=2");
            r2.getCell(5).setCellValue(false);
            wb.createSheet("other").createRow(0).createCell(0).setCellValue("ignored");
            wb.write(out);
        }
        RawTable t = SnapshotReaders.read(p);
        assertThat(t.source().format()).isEqualTo("xlsx");
        assertThat(t.names()).containsExactly("id", "amount", "when", "at", "city", "ok");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.columns().get(0)).containsExactly("1000", "2");
        assertThat(t.columns().get(1)).containsExactly("0.1", "1234567.891");
        assertThat(t.columns().get(2)).containsExactly("2024-03-05", null);
        assertThat(t.columns().get(3)).containsExactly("2024-03-05T13:07:09", null);
        assertThat(t.columns().get(4)).containsExactly("NA", "Zürich");
        assertThat(t.columns().get(5)).containsExactly("true", "false");
    }

    @Test
    void xlsxNumberTextParsesBackExactly() {
        for (double v : new double[] {1000, 1e3, -7, 0.1, 1.0 / 3, 123456789.123, 1e-9, 1e22, 12345678901234567.0}) {
            String s = XlsxReader.numberText(v);
            assertThat(Double.parseDouble(s)).as(s).isEqualTo(v);
            assertThat(TypeInference.parseNumber(s)).as(s).isEqualTo(v);
        }
        assertThat(XlsxReader.numberText(1000)).isEqualTo("1000");
    }

    @Test
    void xlsxHeaderOnly() throws Exception {
        Path p = dir.resolve("head.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(p)) {
            wb.createSheet("s").createRow(0).createCell(0).setCellValue("a");
            wb.write(out);
        }
        assertThatThrownBy(() -> SnapshotReaders.read(p)).isInstanceOf(UnreadableInputException.class)
                .hasMessage("head.xlsx has a header but no data rows");
    }

    @Test
    void unknownBinaryFormat() throws Exception {
        Path p = dir.resolve("data.bin");
        Files.write(p, new byte[] {0, 1, 2, 3, 4});
        assertThatThrownBy(() -> SnapshotReaders.read(p)).isInstanceOf(UnreadableInputException.class)
                .hasMessageContaining("data.bin").hasMessageContaining("not in a supported format");
    }

    @Test
    void unknownExtensionWithTextIsCsv() throws Exception {
        Path p = dir.resolve("data.dat");
        Files.writeString(p, "a;b\n1;2\n");
        assertThat(SnapshotReaders.read(p).names()).containsExactly("a", "b");
    }
}
