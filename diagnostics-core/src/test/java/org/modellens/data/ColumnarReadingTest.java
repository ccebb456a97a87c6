package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The columnar CSV path ({@link SnapshotLoader} over {@link CsvColumnReader}) gives the same snapshot
 * as reading the cell text ({@link CsvReader}) and typing it ({@link SnapshotBuilder}): the same types,
 * identifiers, missing and unparsable counts, bit-equal numbers, and the same text wherever text is kept.
 */
class ColumnarReadingTest {

    @TempDir
    Path dir;

    /** Cell generators: each column of a random file draws its cells from one of these. */
    private static final String[][] KINDS = {
        {"num"}, {"int"}, {"zeroOne"}, {"bool"}, {"cat"}, {"date"}, {"mixed"}, {"junk5"}, {"formatted"},
        {"nonFinite"}, {"leadingZero"}, {"longDigits"}, {"text"}, {"id"}, {"empty"}, {"exponent"}
    };

    @Test
    void randomFilesReadTheSameAsFromText() throws Exception {
        for (int seed = 1; seed <= 12; seed++) {
            SplittableRandom r = new SplittableRandom(seed);
            int rows = seed == 6 ? 40_000 : 5 + r.nextInt(400); // the large ones are cut into slices
            int width = 1 + r.nextInt(KINDS.length);
            StringBuilder sb = new StringBuilder();
            String[] kinds = new String[width];
            for (int c = 0; c < width; c++) {
                kinds[c] = KINDS[r.nextInt(KINDS.length)][0];
                sb.append(c == 0 ? "" : ",").append(c == 0 && seed % 2 == 0 ? "row_id" : "col" + c);
            }
            sb.append(seed % 4 == 1 ? "\r\n" : "\n");
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < width; c++) {
                    if (c > 0) {
                        sb.append(',');
                    }
                    sb.append(cell(kinds[c], r, i));
                }
                sb.append(seed % 4 == 1 ? "\r\n" : "\n");
                if (seed % 5 == 0 && i % 97 == 0) {
                    sb.append('\n'); // empty lines are skipped
                }
            }
            Path train = write("train" + seed + ".csv", sb.toString());
            Set<String> categorical = seed % 3 == 1 ? Set.of("col1") : Set.of();
            Set<String> numeric = seed % 3 == 2 ? Set.of("col2") : Set.of();
            Snapshot columnar = SnapshotLoader.readTraining(train, categorical, numeric, "col3");
            Snapshot fromText = SnapshotBuilder.buildTraining(new CsvReader().read(train), categorical, numeric, "col3");
            assertSame(columnar, fromText, "seed " + seed + " " + List.of(kinds));
            // the same file as production of itself takes training's types
            Snapshot prodColumnar = SnapshotLoader.readLike(train, columnar);
            Snapshot prodFromText = SnapshotBuilder.build(new CsvReader().read(train), types(fromText), identifiers(fromText));
            assertSame(prodColumnar, prodFromText, "production, seed " + seed);
        }
    }

    private static String cell(String kind, SplittableRandom r, int row) {
        if (!kind.equals("id") && r.nextInt(20) == 0) {
            return "";
        }
        return switch (kind) {
            case "num" -> String.format(Locale.ROOT, "%.3f", r.nextGaussian() * 100);
            case "int" -> Integer.toString(r.nextInt(-50, 50));
            case "zeroOne" -> r.nextBoolean() ? "1" : "0";
            case "bool" -> r.nextBoolean() ? "yes" : "No";
            case "cat" -> "k" + r.nextInt(7);
            case "date" -> "2024-0" + (1 + r.nextInt(9)) + "-1" + r.nextInt(10);
            case "mixed" -> r.nextBoolean() ? Integer.toString(r.nextInt(9)) : "t" + r.nextInt(4);
            case "junk5" -> r.nextInt(40) == 0 ? "N/A" : Double.toString(r.nextDouble());
            case "formatted" -> r.nextInt(10) == 0 ? "$1" + r.nextInt(10) + "0" : Integer.toString(r.nextInt(1000));
            case "nonFinite" -> r.nextInt(30) == 0 ? (r.nextBoolean() ? "NaN" : "-inf") : Double.toString(r.nextGaussian());
            case "leadingZero" -> String.format(Locale.ROOT, "%05d", r.nextInt(100000));
            case "longDigits" -> "4" + String.format(Locale.ROOT, "%015d", r.nextLong(1_000_000_000_000_000L));
            case "text" -> "a rather long free text cell and number " + r.nextInt(1_000_000);
            case "id" -> "C" + row;
            case "exponent" -> r.nextBoolean() ? "1e" + r.nextInt(5) : "+" + r.nextInt(9) + ".50";
            default -> "";
        };
    }

    @Test
    void badRowsAreReportedWithTheirLine() throws Exception {
        Path file = write("bad.csv", "a,b\n1,2\n\n3\n");
        assertThatThrownBy(() -> SnapshotLoader.readTraining(file, Set.of(), Set.of(), null))
                .hasMessage("bad.csv: line 4 has 1 field, the header has 2");
        Path header = write("header.csv", "a,,b\n1,2,3\n");
        assertThatThrownBy(() -> SnapshotLoader.readTraining(header, Set.of(), Set.of(), null))
                .hasMessage("header.csv: line 1 (header), column 2 has no name");
        Path none = write("none.csv", "a,b\n");
        assertThatThrownBy(() -> SnapshotLoader.readTraining(none, Set.of(), Set.of(), null))
                .hasMessage("none.csv has a header but no data rows");
    }

    /** The eight-bytes-at-a-time check agrees with the byte-by-byte UTF-8 validation and quote search. */
    @Test
    void plainUtf8AgreesWithTheBytewiseCheck() {
        SplittableRandom r = new SplittableRandom(3);
        byte[] alphabet = "ab,1\n\"\u0000".getBytes(StandardCharsets.UTF_8);
        byte[][] multi = {"é".getBytes(StandardCharsets.UTF_8), "€".getBytes(StandardCharsets.UTF_8),
            "😀".getBytes(StandardCharsets.UTF_8), {(byte) 0xC3}, {(byte) 0xA9}, {(byte) 0xFF}};
        for (int i = 0; i < 20_000; i++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int n = r.nextInt(40);
            for (int k = 0; k < n; k++) {
                int pick = r.nextInt(100);
                if (pick < 90) {
                    out.write('a' + r.nextInt(20));
                } else if (pick < 96) {
                    byte[] m = multi[r.nextInt(multi.length)];
                    out.write(m, 0, m.length);
                } else {
                    out.write(alphabet[r.nextInt(alphabet.length)]);
                }
            }
            byte[] bytes = out.toByteArray();
            boolean expected = CsvReader.firstNulOrInvalidUtf8(bytes) == bytes.length && new String(bytes,
                    StandardCharsets.ISO_8859_1).indexOf('"') < 0;
            boolean plain = CsvColumnReader.plainUtf8Lines(bytes, java.util.List.<int[]>of(new int[] {0, bytes.length, 0})) != null;
            assertThat(plain).as(java.util.HexFormat.of().formatHex(bytes)).isEqualTo(expected);
        }
    }

    /**
     * The check that also counts each slice's line breaks: counts equal to a byte-by-byte count of every range, on
     * ranges cut anywhere (inside a character too) and on the slices the reader cuts.
     */
    @Test
    void lineBreaksAreCountedPerSliceWhileChecking() {
        SplittableRandom r = new SplittableRandom(5);
        byte[][] pieces = {"ab".getBytes(StandardCharsets.UTF_8), ",".getBytes(StandardCharsets.UTF_8),
            "\n".getBytes(StandardCharsets.UTF_8), "\r\n".getBytes(StandardCharsets.UTF_8), "12345678".getBytes(StandardCharsets.UTF_8),
            "é".getBytes(StandardCharsets.UTF_8), "😀".getBytes(StandardCharsets.UTF_8), {(byte) 0xC3}, {'"'}};
        for (int i = 0; i < 5_000; i++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int n = r.nextInt(300);
            for (int k = 0; k < n; k++) {
                byte[] piece = pieces[r.nextInt(r.nextInt(10) < 9 ? 7 : pieces.length)];
                out.write(piece, 0, piece.length);
            }
            byte[] bytes = out.toByteArray();
            java.util.List<int[]> ranges = new java.util.ArrayList<>();
            int from = r.nextInt(bytes.length + 1);
            while (from < bytes.length && r.nextInt(4) > 0) {
                int to = from + 1 + r.nextInt(bytes.length - from);
                ranges.add(new int[] {from, to, ranges.size()});
                from = to;
            }
            ranges.add(new int[] {from, bytes.length, ranges.size()});
            int[] counts = CsvColumnReader.plainUtf8Lines(bytes, ranges);
            String hex = java.util.HexFormat.of().formatHex(bytes);
            boolean plain = CsvReader.firstNulOrInvalidUtf8(bytes) == bytes.length
                    && new String(bytes, StandardCharsets.ISO_8859_1).indexOf('"') < 0;
            if (!plain) {
                assertThat(counts).as(hex).isNull();
                continue;
            }
            assertThat(counts).as(hex).isNotNull();
            for (int[] range : ranges) {
                int expected = 0;
                for (int k = range[0]; k < range[1]; k++) {
                    expected += bytes[k] == '\n' ? 1 : 0;
                }
                assertThat(counts[range[2]]).as(hex + " " + range[0] + ".." + range[1]).isEqualTo(expected);
            }
            java.util.List<int[]> slices = CsvColumnReader.slices(bytes, CsvColumnReader.dataStart(bytes));
            int[] sliceCounts = CsvColumnReader.plainUtf8Lines(bytes, slices);
            for (int[] slice : slices) {
                assertThat(sliceCounts[slice[2]]).isEqualTo(CsvColumnReader.countOf(bytes, (byte) '\n', slice[0], slice[1]));
            }
        }
    }

    @Test
    void numbersAreBitEqualToTheJdkParser() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextGaussian() * Math.pow(10, r.nextInt(-30, 30));
                case 1 -> Double.longBitsToDouble(r.nextLong()) ;
                case 2 -> r.nextInt(1_000_000) / 1000.0;
                default -> r.nextDouble();
            };
            String text = i % 8 == 5 ? String.format(Locale.ROOT, "%.17g", v) : Double.toString(v);
            byte[] bytes = (" " + text + " ").getBytes(StandardCharsets.UTF_8);
            double expected = TypeInference.parseNumber(text);
            assertThat(Double.doubleToLongBits(NumberBytes.parse(bytes, 0, bytes.length)))
                    .as(text).isEqualTo(Double.doubleToLongBits(expected));
        }
        for (String text : List.of("1,200", "12d", "0x1p3", "NaN", "-Infinity", "1e999", "+.5", "5.", ".", "-", "1e",
                "١٢", "€5", "1 2", "--1")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            assertThat(Double.doubleToLongBits(NumberBytes.parse(bytes, 0, bytes.length))).as(text)
                    .isEqualTo(Double.doubleToLongBits(TypeInference.parseNumber(text)));
        }
    }

    /** The one-scan reading of a plain number is parse's value where Column.isPlainNumber holds, and declines (NaN) everywhere else. */
    @Test
    void plainNumbersReadInOneScanAreParsesValueAndOnlyThose() {
        SplittableRandom r = new SplittableRandom(11);
        byte[] alphabet = "0123456789-+.eE ,x".getBytes(StandardCharsets.US_ASCII);
        List<String> texts = new java.util.ArrayList<>(List.of("0", "-0", "00", "05", "0.5", "-0.0", ".5", "5.", "-", "",
                "123456789012345", "1234567890123456", "0.000000000000000000000001", "0.0000000000000000000001",
                "1.000000000000000", "999999999999999.5", "-12.75", "+1", " 1", "1 "));
        for (int i = 0; i < 100_000; i++) {
            if (i % 2 == 0) {
                double v = i % 4 == 0 ? r.nextInt(-1_000_000, 1_000_000) / Math.pow(10, r.nextInt(0, 8)) : r.nextGaussian() * 1e4;
                texts.add(i % 8 == 2 ? String.format(Locale.ROOT, "%." + r.nextInt(0, 20) + "f", v) : Double.toString(v));
            } else {
                StringBuilder text = new StringBuilder();
                for (int k = r.nextInt(1, 12); k > 0; k--) {
                    text.append((char) alphabet[r.nextInt(alphabet.length)]);
                }
                texts.add(text.toString());
            }
        }
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            double expected = Column.isPlainNumber(text) ? NumberBytes.parse(bytes, 0, bytes.length) : Double.NaN;
            assertThat(Double.doubleToLongBits(NumberBytes.parsePlain(bytes, 0, bytes.length))).as(text)
                    .isEqualTo(Double.doubleToLongBits(expected));
        }
    }

    private static void assertSame(Snapshot actual, Snapshot expected, String label) {
        assertThat(actual.source().sha256()).as(label).isEqualTo(expected.source().sha256());
        assertSameColumns(actual, expected, label);
    }

    /** The same rows and columns: types, identifiers, counts, and cell by cell the same text and bit-equal numbers. */
    static void assertSameColumns(Snapshot actual, Snapshot expected, String label) {
        assertThat(actual.rows()).as(label).isEqualTo(expected.rows());
        assertThat(actual.columnNames()).as(label).isEqualTo(expected.columnNames());
        for (Column e : expected.columns()) {
            Column a = actual.column(e.name()).orElseThrow();
            String what = label + ", column " + e.name();
            assertThat(a.type()).as(what).isEqualTo(e.type());
            assertThat(a.identifier()).as(what).isEqualTo(e.identifier());
            assertThat(a.missingCount()).as(what).isEqualTo(e.missingCount());
            assertThat(a.unparsableCount()).as(what).isEqualTo(e.unparsableCount());
            for (int row = 0; row < e.size(); row++) {
                boolean same = a.isMissing(row) == e.isMissing(row) && java.util.Objects.equals(a.text(row), e.text(row))
                        && (e.numbers() == null || Double.doubleToLongBits(a.numbers()[row]) == Double.doubleToLongBits(e.numbers()[row]));
                if (!same) {
                    assertThat(a.text(row) + " " + (a.numbers() == null ? "" : a.numbers()[row])).as(what + " row " + row)
                            .isEqualTo(e.text(row) + " " + (e.numbers() == null ? "" : e.numbers()[row]));
                }
            }
        }
    }

    private static java.util.Map<String, ColumnType> types(Snapshot s) {
        java.util.Map<String, ColumnType> types = new java.util.LinkedHashMap<>();
        s.columns().forEach(c -> types.put(c.name(), c.type()));
        return types;
    }

    private static Set<String> identifiers(Snapshot s) {
        Set<String> ids = new java.util.HashSet<>();
        s.columns().stream().filter(Column::identifier).forEach(c -> ids.add(c.name()));
        return ids;
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
