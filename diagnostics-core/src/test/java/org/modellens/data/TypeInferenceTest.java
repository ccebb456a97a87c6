package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypeInferenceTest {

    private static String[] cells(String... v) {
        return v;
    }

    private static String[] repeat(int n, java.util.function.IntFunction<String> f) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = f.apply(i);
        }
        return out;
    }

    @Test
    void numbers() {
        assertThat(TypeInference.parseNumber("1.5")).isEqualTo(1.5);
        assertThat(TypeInference.parseNumber(" -2 ")).isEqualTo(-2.0);
        assertThat(TypeInference.parseNumber("1e3")).isEqualTo(1000.0);
        assertThat(TypeInference.parseNumber(".5")).isEqualTo(0.5);
        assertThat(TypeInference.parseNumber("0.30000000000000004")).isEqualTo(0.30000000000000004);
        assertThat(TypeInference.parseNumber("123456.789")).isEqualTo(123456.789);
        for (String no : List.of("NaN", "Infinity", "-Infinity", "0x1p3", "12d", "1f", "1,200", "", " ", "-", ".", "abc", "1e999")) {
            assertThat(TypeInference.parseNumber(no)).as(no).isNaN();
        }
    }

    @Test
    void fastPathAgreesWithJdk() {
        java.util.Random rnd = new java.util.Random(7);
        for (int i = 0; i < 100_000; i++) {
            String s = Double.toString(Math.round(rnd.nextGaussian() * 1e6) / Math.pow(10, rnd.nextInt(8)));
            if (!s.contains("E")) {
                assertThat(TypeInference.parseNumber(s)).as(s).isEqualTo(Double.parseDouble(s));
            }
            String t = (rnd.nextInt(1000000)) + "." + rnd.nextInt(100000000);
            assertThat(TypeInference.parseNumber(t)).as(t).isEqualTo(Double.parseDouble(t));
        }
    }

    @Test
    void types() {
        assertThat(TypeInference.infer(cells("1", "2.5", null, "-3"))).isEqualTo(ColumnType.NUMERIC);
        assertThat(TypeInference.infer(cells("0", "1", null, "1"))).isEqualTo(ColumnType.BOOLEAN);
        assertThat(TypeInference.infer(cells("Yes", "no", "TRUE", "false"))).isEqualTo(ColumnType.BOOLEAN);
        assertThat(TypeInference.infer(cells("2024-01-01", "2024-02-29 10:00", "2024-03-01T10:00:05Z", "2024-03-01 23:59:59")))
                .isEqualTo(ColumnType.DATETIME);
        assertThat(TypeInference.infer(cells("2024-13-01", "2024-01-01"))).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(TypeInference.infer(cells("NA", "a", "b", "a"))).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(TypeInference.infer(cells(null, null))).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(TypeInference.infer(new String[0])).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(TypeInference.infer(repeat(10, i -> "this is a rather long free text comment number " + i)))
                .isEqualTo(ColumnType.TEXT);
        assertThat(TypeInference.infer(repeat(10, i -> "this is a rather long but repeated category label " + (i % 2))))
                .isEqualTo(ColumnType.CATEGORICAL);
    }

    @Test
    void numericShareThreshold() {
        // 97 numbers, 3 junk: numeric
        assertThat(TypeInference.infer(repeat(100, i -> i < 97 ? String.valueOf(i * 1.5) : "n/a"))).isEqualTo(ColumnType.NUMERIC);
        // 90 numbers, 10 junk: categorical
        assertThat(TypeInference.infer(repeat(100, i -> i < 90 ? String.valueOf(i) : "junk"))).isEqualTo(ColumnType.CATEGORICAL);
    }

    @Test
    void identifiers() {
        String[] ints = repeat(25, i -> String.valueOf(1000 + i));
        assertThat(TypeInference.looksLikeIdentifier("customer_id", ints, ColumnType.NUMERIC)).isTrue();
        assertThat(TypeInference.looksLikeIdentifier("ID", ints, ColumnType.NUMERIC)).isTrue();
        assertThat(TypeInference.looksLikeIdentifier("row_key", ints, ColumnType.NUMERIC)).isTrue();
        assertThat(TypeInference.looksLikeIdentifier("income", ints, ColumnType.NUMERIC)).isFalse();
        assertThat(TypeInference.looksLikeIdentifier("valid", ints, ColumnType.NUMERIC)).isFalse();
        assertThat(TypeInference.looksLikeIdentifier("id", repeat(25, i -> i + ".5"), ColumnType.NUMERIC)).isFalse();
        assertThat(TypeInference.looksLikeIdentifier("id", repeat(19, String::valueOf), ColumnType.NUMERIC)).isFalse();
        String[] codes = repeat(25, i -> "C" + i);
        assertThat(TypeInference.looksLikeIdentifier("code", codes, ColumnType.CATEGORICAL)).isTrue();
        codes[3] = "C4";
        assertThat(TypeInference.looksLikeIdentifier("code", codes, ColumnType.CATEGORICAL)).isFalse();
        String[] uuids = repeat(25, i -> java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) i}).toString());
        assertThat(TypeInference.infer(uuids)).isEqualTo(ColumnType.TEXT);
        assertThat(TypeInference.looksLikeIdentifier("uuid", uuids, ColumnType.TEXT)).isTrue();
        assertThat(TypeInference.looksLikeIdentifier("comment", uuids, ColumnType.TEXT)).isFalse();
    }

    @Test
    void builderCountsJunkAndAppliesTrainTypes() {
        int n = 100;
        String[] amount = repeat(n, i -> i % 33 == 5 ? "1,200" : String.valueOf(i));
        amount[50] = null;
        String[] id = repeat(n, i -> String.valueOf(i + 1));
        String[] when = repeat(n, i -> "2024-01-" + String.format("%02d", i % 28 + 1));
        String[] flag = repeat(n, i -> i % 2 == 0 ? "yes" : "no");
        String[] city = repeat(n, i -> i % 3 == 0 ? "NA" : "Bern");
        SourceInfo src = new SourceInfo(Path.of("train.csv"), "csv", "00");
        RawTable train = new RawTable(src, List.of("id", "amount", "when", "flag", "city"),
                List.of(id, amount, when, flag, city), n);
        Map<String, ColumnType> types = SnapshotBuilder.inferTypes(train, Set.of(), Set.of());
        assertThat(types).containsExactly(Map.entry("id", ColumnType.NUMERIC), Map.entry("amount", ColumnType.NUMERIC),
                Map.entry("when", ColumnType.DATETIME), Map.entry("flag", ColumnType.BOOLEAN),
                Map.entry("city", ColumnType.CATEGORICAL));
        Set<String> ids = SnapshotBuilder.inferIdentifiers(train, types);
        assertThat(ids).containsExactly("id");
        Snapshot s = SnapshotBuilder.build(train, types, ids);
        Column a = s.column("amount").orElseThrow();
        assertThat(a.unparsableCount()).isEqualTo(3);
        assertThat(a.missingCount()).isEqualTo(1);
        // the three "1,200" cells are recovered as 1200 (FormattedNumber), still counted as unparsable
        assertThat(a.presentNumbers()).hasSize(99);
        assertThat(a.numbers()[5]).isEqualTo(1200.0);
        assertThat(a.text(5)).isEqualTo("1,200");
        assertThat(s.column("id").orElseThrow().identifier()).isTrue();
        assertThat(s.column("when").orElseThrow().numbers()[0]).isEqualTo(1704067200.0);
        assertThat(s.column("flag").orElseThrow().numbers()).isNull();
        assertThat(s.column("city").orElseThrow().text(0)).isEqualTo("NA");

        Map<String, ColumnType> forced = SnapshotBuilder.inferTypes(train, Set.of("id"), Set.of("city"));
        assertThat(forced.get("id")).isEqualTo(ColumnType.CATEGORICAL);
        assertThat(forced.get("city")).isEqualTo(ColumnType.NUMERIC);
        assertThat(SnapshotBuilder.build(train, forced, Set.of()).column("city").orElseThrow().unparsableCount()).isEqualTo(n);

        // production table: train types applied, prod-only column inferred on its own
        String[] prodAmount = {"1", "x", null};
        RawTable prod = new RawTable(src, List.of("amount", "extra"), List.of(prodAmount, new String[] {"1.5", "2", "3"}), 3);
        Snapshot ps = SnapshotBuilder.build(prod, types, ids);
        assertThat(ps.column("amount").orElseThrow().unparsableCount()).isEqualTo(1);
        assertThat(ps.column("extra").orElseThrow().type()).isEqualTo(ColumnType.NUMERIC);
    }
}
