package org.modellens.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.modellens.Diagnosis;
import org.modellens.data.RawTable;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotBuilder;
import org.modellens.settings.Settings;

/**
 * Fuzzes the CSV reader and, on what it accepts, the whole analysis: raw bytes, CSV-like text full
 * of quotes, delimiters, line breaks and NULs in two encodings, and well-formed tables with hostile
 * cell values. Time-boxed by {@link FuzzTimeBox}; a crash found becomes a case in the corpus tests.
 */
@AddLifecycleHook(FuzzTimeBox.class)
class CsvReaderFuzzTest {

    private static Path dir;

    @BeforeContainer
    static void createDirectory() throws IOException {
        dir = Files.createDirectories(Path.of("target", "fuzz", "csv"));
    }

    @Property(tries = FuzzTimeBox.UNBOUNDED_TRIES)
    void anyBytesGiveATableOrAOneLineMessage(@ForAll("bytes") byte[] bytes) throws IOException {
        ReaderContract.check(dir, "bytes.csv", bytes);
    }

    @Property(tries = FuzzTimeBox.UNBOUNDED_TRIES)
    void csvLikeTextGivesATableOrAOneLineMessage(@ForAll("csvLikeText") String text, @ForAll("charsets") Charset charset)
            throws IOException {
        ReaderContract.check(dir, "text.csv", text.getBytes(charset));
    }

    @Property(tries = FuzzTimeBox.UNBOUNDED_TRIES)
    void wellFormedTablesWithHostileCellsAreReadExactlyAndDiagnosed(@ForAll("tables") List<List<String>> rows)
            throws Exception {
        StringBuilder csv = new StringBuilder();
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                csv.append(c == 0 ? "" : ",").append(quote(row.get(c)));
            }
            csv.append('\n');
        }
        RawTable table = ReaderContract.check(dir, "table.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(table).as("a well-formed table must be read").isNotNull();
        assertThat(table.rows()).isEqualTo(rows.size() - 1);
        for (int r = 1; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(0).size(); c++) {
                String expected = rows.get(r).get(c);
                assertThat(table.columns().get(c)[r - 1]).isEqualTo(expected.isEmpty() ? null : expected);
            }
        }
        // Whatever the cells hold, the analysis runs to a report.
        var types = SnapshotBuilder.inferTypes(table, Set.of(), Set.of());
        var ids = SnapshotBuilder.inferIdentifiers(table, types);
        Snapshot snapshot = SnapshotBuilder.build(table, types, ids);
        assertThat(Diagnosis.analyse(snapshot, snapshot, null, "auto", Settings.defaults(), List.of(), (s, f) -> { })
                .features()).hasSize(table.names().size());
    }

    private static String quote(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
    }

    @Provide
    Arbitrary<byte[]> bytes() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
    }

    @Provide
    Arbitrary<String> csvLikeText() {
        return Arbitraries.strings().withChars("ab1.,;\t|\"\n\r \u0000é€-eE")
                .ofMaxLength(400);
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16LE);
    }

    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> cell = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.integers().between(-3, 3).map(String::valueOf),
                Arbitraries.of("NaN", "Inf", "-Infinity", "NA", "true", "no", "1e308", "-1e-320", "2024-02-29",
                        "2023-02-29", "0x1p3", "1,200", " 7 ", "\"", "a\nb", "é", "\uFEFF"),
                // Any text but control characters: a file full of those is taken for binary, by design.
                Arbitraries.strings().withCharRange(' ', '\uD7FF').withChars("\n\t\"").ofMaxLength(60));
        return Combinators.combine(Arbitraries.integers().between(1, 6), Arbitraries.integers().between(1, 40))
                .flatAs((width, height) -> {
                    Arbitrary<List<String>> header = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6)
                            .list().ofSize(width).uniqueElements();
                    Arbitrary<List<List<String>>> body = cell.list().ofSize(width)
                            .filter(row -> row.stream().anyMatch(c -> !c.isEmpty()))
                            .list().ofSize(height);
                    return Combinators.combine(header, body).as((h, b) -> {
                        List<List<String>> all = new java.util.ArrayList<>();
                        all.add(h);
                        all.addAll(b);
                        return all;
                    });
                });
    }
}
