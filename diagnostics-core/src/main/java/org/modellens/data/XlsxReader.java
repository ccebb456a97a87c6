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

    /** Reads the file; see the class documentation. */
    public RawTable read(Path path) throws UnreadableInputException {
        String file = CsvReader.fileName(path);
        byte[] bytes = CsvReader.readBytes(path, file);
        if (bytes.length == 0) {
            throw new UnreadableInputException(file + " is empty");
        }
        SourceInfo source = new SourceInfo(path, "xlsx", CsvReader.sha256(bytes));
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
            int n = rows.size();
            List<String[]> columns = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                String[] col = new String[n];
                for (int r = 0; r < n; r++) {
                    col[r] = rows.get(r)[c];
                }
                columns.add(col);
            }
            return new RawTable(source, names, columns, n);
        } catch (IOException | RuntimeException e) {
            String bomb = zipBombEntry(e);
            if (bomb != null) {
                throw new UnreadableInputException(file + " was refused: its part " + bomb + " would expand to more than "
                        + "100 times its compressed size, the mark of a zip bomb, so it is not unpacked", e);
            }
            throw new UnreadableInputException(file + " cannot be read as an Excel (.xlsx) workbook; it is damaged or "
                    + "no workbook (" + Reasons.of(e) + ")", e);
        }
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
