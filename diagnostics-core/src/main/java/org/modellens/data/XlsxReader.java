package org.modellens.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;

/**
 * Reads the first sheet of an Excel workbook into a {@link RawTable}. The first row is the header.
 * Numbers become text that parses back exactly (integers without {@code ".0"}, no exponent for
 * ordinary magnitudes), date-formatted cells {@code yyyy-MM-dd} or {@code yyyy-MM-ddTHH:mm:ss},
 * booleans {@code true}/{@code false}, formulas their cached result; blank cells are missing.
 * Rows that are entirely blank are skipped.
 */
public final class XlsxReader {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /**
     * A workbook is read into memory whole (POI's object model takes about a kilobyte per cell): an
     * XLSX of 800,000 rows ran the heap out. Beyond these a sheet should be CSV, which is streamed.
     */
    static final long MAX_CELLS = 1_000_000;
    /** The largest unpacked part (sheet XML, shared strings): about a million cells' worth of XML. */
    static final long MAX_PART_BYTES = 64L << 20;

    static {
        // POI checks the size of every part as it unpacks it, whatever the zip's directory claims.
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
    }

    /** Reads the file; see the class documentation. */
    public RawTable read(Path path) throws UnreadableInputException {
        String file = CsvReader.fileName(path);
        byte[] bytes = CsvReader.readBytes(path, file);
        if (bytes.length == 0) {
            throw new UnreadableInputException(file + " is empty");
        }
        SourceInfo source = SourceInfo.hashing(path, "xlsx", bytes);
        checkDeclaredSize(bytes, file);
        try (Workbook workbook = WorkbookFactory.create(path.toFile(), null, true)) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new UnreadableInputException(file + " has no sheets");
            }
            Sheet sheet = workbook.getSheetAt(0);
            String sheetName = sheet.getSheetName();
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null || sheet.getPhysicalNumberOfRows() == 0) {
                throw new UnreadableInputException(file + ": sheet \"" + sheetName + "\" is empty");
            }
            int headerIndex = headerRow.getRowNum();
            int width = Math.max(0, headerRow.getLastCellNum());
            while (width > 0 && text(headerRow.getCell(width - 1)) == null) {
                width--;
            }
            if (width == 0) {
                throw new UnreadableInputException(file + ": sheet \"" + sheetName + "\" has an empty header row");
            }
            List<String> names = new ArrayList<>(width);
            Map<String, Integer> seen = new HashMap<>();
            for (int c = 0; c < width; c++) {
                String name = text(headerRow.getCell(c));
                String ref = CellReference.convertNumToColString(c) + (headerIndex + 1);
                if (name == null || name.isBlank()) {
                    throw new UnreadableInputException(file + ": header cell " + ref + " (column " + (c + 1) + ") has no name");
                }
                name = name.strip();
                Integer previous = seen.putIfAbsent(name, c + 1);
                if (previous != null) {
                    throw new UnreadableInputException(file + ": the header names column \"" + name + "\" twice (columns "
                            + previous + " and " + (c + 1) + ")");
                }
                names.add(name);
            }
            List<String[]> rows = new ArrayList<>();
            for (int r = headerIndex + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                String[] values = new String[width];
                boolean any = false;
                for (int c = 0; c < width; c++) {
                    String v = text(row.getCell(c));
                    values[c] = v;
                    any |= v != null;
                }
                if (any) {
                    rows.add(values);
                }
            }
            if (rows.isEmpty()) {
                throw new UnreadableInputException(file + " has a header but no data rows");
            }
            return RawTable.ofRows(source, names, rows);
        } catch (IOException | RuntimeException e) {
            String large = tooLargeEntry(e);
            if (large != null) {
                throw new UnreadableInputException(file + ": its part " + large + " unpacks to more than "
                        + InputFiles.bytes(MAX_PART_BYTES) + "; a workbook this large is not read into memory: save the sheet "
                        + "as CSV, which is read in streaming at any size", e);
            }
            String bomb = zipBombEntry(e);
            if (bomb != null) {
                throw new UnreadableInputException(file + " was refused: its part " + bomb + " would expand to more than "
                        + "100 times its compressed size, the mark of a zip bomb, so it is not unpacked", e);
            }
            throw new UnreadableInputException(file + " cannot be read as an Excel (.xlsx) workbook; it is damaged or "
                    + "no workbook (" + Reasons.of(e) + ")", e);
        }
    }

    private static final java.util.regex.Pattern DIMENSION =
            java.util.regex.Pattern.compile("<(?:\\w+:)?dimension\\s+ref=\"[A-Z]+(\\d+)(?::([A-Z]+)(\\d+))?\"");

    /**
     * Refuses a workbook whose first sheet declares more than {@link #MAX_CELLS} cells (its
     * {@code <dimension ref="A1:C800001"/>}) or whose parts declare more than {@link #MAX_PART_BYTES},
     * before POI builds its object model. A lying declaration is caught by POI's own size check.
     */
    static void checkDeclaredSize(byte[] bytes, String file) throws UnreadableInputException {
        try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes))) {
            for (java.util.zip.ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getSize() > MAX_PART_BYTES) {
                    throw new UnreadableInputException(file + ": its part " + entry.getName() + " unpacks to "
                            + InputFiles.bytes(entry.getSize()) + "; a workbook this large is not read into memory: save "
                            + "the sheet as CSV, which is read in streaming at any size");
                }
                if (!entry.getName().matches("xl/worksheets/sheet1?\\.xml")) {
                    continue;
                }
                // The dimension comes first in a sheet's XML: a few kilobytes hold it.
                String head = new String(zip.readNBytes(8192), java.nio.charset.StandardCharsets.UTF_8);
                java.util.regex.Matcher dimension = DIMENSION.matcher(head);
                if (dimension.find() && dimension.group(2) != null) {
                    long rows = Long.parseLong(dimension.group(3)) - Long.parseLong(dimension.group(1)) + 1;
                    long columns = CellReference.convertColStringToIndex(dimension.group(2)) + 1L;
                    if (rows > 0 && rows * columns > MAX_CELLS) {
                        throw new UnreadableInputException(file + ": sheet " + entry.getName() + " declares " + rows
                                + " rows x " + columns + " columns, more than the " + MAX_CELLS + " cells a workbook may "
                                + "have to be read into memory; save the sheet as CSV, which is read in streaming at any size");
                    }
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not a readable zip: POI says so in its own words below.
        }
    }

    /** The part POI refused for unpacking beyond {@link #MAX_PART_BYTES}, or {@code null}. */
    static String tooLargeEntry(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.contains("max size of the expanded data")) {
                java.util.regex.Matcher entry = java.util.regex.Pattern.compile("Entry: (\\S+)").matcher(message);
                return entry.find() ? entry.group(1) : "(unnamed)";
            }
        }
        return null;
    }

    /**
     * The workbook part POI refused as a zip bomb (its inflate-ratio or expanded-size guard), or
     * {@code null}. POI's own message is several lines of advice for programmers; users get one line.
     */
    static String zipBombEntry(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && (message.contains("Zip bomb detected") || message.contains("max size of the expanded data"))) {
                java.util.regex.Matcher entry = java.util.regex.Pattern.compile("Entry: (\\S+)").matcher(message);
                return entry.find() ? entry.group(1) : "(unnamed)";
            }
        }
        return null;
    }


    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case STRING -> {
                String s = cell.getStringCellValue();
                yield s == null || s.isEmpty() ? null : s;
            }
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime dt = cell.getLocalDateTimeCellValue();
                    if (dt == null) {
                        yield null;
                    }
                    yield dt.toLocalTime().toSecondOfDay() == 0 ? dt.toLocalDate().toString() : dt.format(DATE_TIME);
                }
                yield numberText(cell.getNumericCellValue());
            }
            case BOOLEAN -> cell.getBooleanCellValue() ? "true" : "false";
            case ERROR -> FormulaError.forInt(cell.getErrorCellValue()).getString();
            default -> null;
        };
    }

    /** Text for a number that {@link Double#parseDouble} turns back into exactly the same value. */
    static String numberText(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        double abs = Math.abs(v);
        if (abs >= 1e-6 && abs < 1e21) {
            return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        }
        return Double.toString(v);
    }
}
