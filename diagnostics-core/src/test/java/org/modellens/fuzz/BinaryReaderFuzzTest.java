package org.modellens.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Fuzzes the XLSX and Parquet readers with damaged copies of valid files: bytes overwritten, cut
 * short, or a run of bytes duplicated (the usual shapes of a broken download or a bad disk). Every
 * copy must give a well-formed table or one clear line (see {@link ReaderContract}). Time-boxed by
 * {@link FuzzTimeBox}.
 */
@AddLifecycleHook(FuzzTimeBox.class)
class BinaryReaderFuzzTest {

    private static Path dir;
    private static byte[] xlsx;
    private static byte[] parquet;

    @BeforeContainer
    static void makeValidFiles() throws IOException {
        dir = Files.createDirectories(Path.of("target", "fuzz", "binary"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("data");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("amount");
            header.createCell(1).setCellValue("city");
            for (int r = 1; r <= 30; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r * 1.5);
                row.createCell(1).setCellValue(r % 2 == 0 ? "Oslo" : "Bergen");
            }
            workbook.write(out);
        }
        xlsx = out.toByteArray();
        parquet = SmallParquet.write(dir.resolve("valid.parquet"));
    }

    @Property(tries = FuzzTimeBox.UNBOUNDED_TRIES)
    void damagedXlsxGivesATableOrAOneLineMessage(@ForAll("damage") Damage damage) throws IOException {
        ReaderContract.check(dir, "damaged.xlsx", damage.apply(xlsx));
    }

    @Property(tries = FuzzTimeBox.UNBOUNDED_TRIES)
    void damagedParquetGivesATableOrAOneLineMessage(@ForAll("damage") Damage damage) throws IOException {
        ReaderContract.check(dir, "damaged.parquet", damage.apply(parquet));
    }

    /** Regression: this seed's damage hit a codec the Hadoop-free reader lacks (a NoSuchMethodError escaped). */
    @Property(tries = FuzzTimeBox.UNBOUNDED_TRIES, seed = "-3731140412451470909")
    void damagedParquetCodecGivesAOneLineMessage(@ForAll("damage") Damage damage) throws IOException {
        ReaderContract.check(dir, "damaged.parquet", damage.apply(parquet));
    }

    @Provide
    Arbitrary<Damage> damage() {
        return Damage.any();
    }

}
