package org.modellens.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks that the committed demo case is exactly what the generator produces, and that the
 * planted problems documented in the README are really in the data.
 */
class SampleCaseGeneratorTest {

    /** The committed case, relative to the module directory (surefire's working directory). */
    private static final Path COMMITTED = Path.of("case");

    private static List<List<String>> train;
    private static List<List<String>> reference;
    private static List<List<String>> prod;

    @BeforeAll
    static void readCommittedCase() throws IOException {
        train = readCsv(COMMITTED.resolve("train.csv"));
        reference = readCsv(COMMITTED.resolve("reference.csv"));
        prod = readCsv(COMMITTED.resolve("prod.csv"));
    }

    @Test
    void regeneratesTheCommittedFilesByteForByte(@TempDir Path dir) throws IOException {
        SampleCaseGenerator.main(new String[] {dir.toString()});

        assertThat(Files.readAllBytes(dir.resolve("train.csv")))
                .isEqualTo(Files.readAllBytes(COMMITTED.resolve("train.csv")));
        assertThat(Files.readAllBytes(dir.resolve("prod.csv")))
                .isEqualTo(Files.readAllBytes(COMMITTED.resolve("prod.csv")));
        assertThat(Files.readAllBytes(dir.resolve("reference.csv")))
                .isEqualTo(Files.readAllBytes(COMMITTED.resolve("reference.csv")));
    }

    @Test
    void referenceIsHeldOutDataOfTheTrainingPeriodWithTheTrainingColumns() {
        assertThat(reference.get(0)).containsExactlyElementsOf(train.get(0));
        assertThat(rows(reference)).hasSize(SampleCaseGenerator.REFERENCE_ROWS).allSatisfy(r -> assertThat(r).hasSize(21));
        // Held out: no application (nor e-mail address) is shared with training.
        Set<String> trainIds = new HashSet<>(values(train, "application_id"));
        assertThat(values(reference, "application_id")).noneMatch(trainIds::contains);
        Set<String> trainEmails = new HashSet<>(values(train, "customer_email"));
        assertThat(values(reference, "customer_email")).noneMatch(trainEmails::contains);
        // Same period and population: January to June 2025, the training default rate, no crypto loans, promo codes in use.
        assertThat(values(reference, "application_date")).allMatch(d -> d.compareTo("2025-01-01") >= 0 && d.compareTo("2025-07-01") < 0);
        assertThat(share(reference, "defaulted", "1"::equals)).isBetween(0.07, 0.09);
        assertThat(share(reference, "loan_purpose", "crypto"::equals)).isZero();
        assertThat(distinct(reference, "promo_code")).hasSizeGreaterThan(1);
        assertThat(numbers(reference, "interest_rate")).allSatisfy(v -> assertThat(v).isBetween(0.05, 0.30));
        double shift = (mean(numbers(reference, "income")) - mean(numbers(train, "income"))) / sd(numbers(train, "income"));
        assertThat(Math.abs(shift)).isLessThan(0.1);
    }

    @Test
    void hasTheDocumentedShape() {
        assertThat(train.get(0).subList(0, 18)).containsExactlyElementsOf(SampleCaseGenerator.COLUMNS);
        assertThat(prod.get(0).subList(0, 18)).containsExactlyElementsOf(SampleCaseGenerator.COLUMNS);
        assertThat(train.get(0).subList(18, 21)).containsExactlyElementsOf(SampleCaseGenerator.TRAIN_EXTRA_COLUMNS);
        assertThat(prod.get(0).subList(18, 21)).containsExactlyElementsOf(SampleCaseGenerator.PROD_EXTRA_COLUMNS);
        assertThat(rows(train)).hasSize(8000).allSatisfy(r -> assertThat(r).hasSize(21));
        assertThat(rows(prod)).hasSize(3000).allSatisfy(r -> assertThat(r).hasSize(21));
    }

    @Test
    void dependentsArriveRenamedWithTheSameDistribution() {
        assertThat(prod.get(0)).doesNotContain("dependents");
        double trainMean = mean(numbers(train, "dependents"));
        double prodMean = mean(numbers(prod, "number_of_dependents"));
        assertThat(Math.abs(trainMean - prodMean)).isLessThan(0.1);
    }

    @Test
    void everyRowHasADocumentationDomainEmailAddress() {
        assertThat(values(train, "customer_email")).allMatch(v -> v.matches("[a-z]+\\.[a-z]+\\d+@example\\.(com|org|net)"));
        assertThat(values(prod, "customer_email")).allMatch(v -> v.matches("[a-z]+\\.[a-z]+\\d+@example\\.(com|org|net)"));
    }

    @Test
    void collectionsFlagNearlyCopiesTheLabelInTrainingAndIsAlwaysZeroInProduction() {
        List<String> flag = values(train, "collections_flag");
        List<String> label = values(train, "defaulted");
        long agree = java.util.stream.IntStream.range(0, flag.size()).filter(i -> flag.get(i).equals(label.get(i))).count();
        assertThat(agree / (double) flag.size()).isGreaterThan(0.99);
        assertThat(distinct(prod, "collections_flag")).containsExactly("0");
    }

    @Test
    void incomeMeanDropsByAboutSixTenthsOfAStandardDeviation() {
        double trainMean = mean(numbers(train, "income"));
        double trainSd = sd(numbers(train, "income"));
        double shift = (mean(numbers(prod, "income")) - trainMean) / trainSd;
        assertThat(shift).isBetween(-0.75, -0.45);
    }

    @Test
    void cryptoIsANewPurposeInAboutTenPercentOfProduction() {
        assertThat(share(train, "loan_purpose", "crypto"::equals)).isZero();
        assertThat(share(prod, "loan_purpose", "crypto"::equals)).isBetween(0.08, 0.12);
    }

    @Test
    void monthsEmployedGoesMissingFarMoreOftenInProduction() {
        assertThat(share(train, "months_employed", String::isEmpty)).isBetween(0.005, 0.02);
        assertThat(share(prod, "months_employed", String::isEmpty)).isGreaterThan(0.20);
    }

    @Test
    void monthsEmployedStartsArrivingEmptyOnTwentySeventhOfOctober() {
        // The dated pipeline break the timeline must find: the training rate before, 43% from that Monday on.
        int date = col(prod, "application_date");
        int months = col(prod, "months_employed");
        long before = 0;
        long emptyBefore = 0;
        long after = 0;
        long emptyAfter = 0;
        for (List<String> row : rows(prod)) {
            boolean empty = row.get(months).isEmpty();
            if (row.get(date).compareTo("2025-10-27") < 0) {
                before++;
                emptyBefore += empty ? 1 : 0;
            } else {
                after++;
                emptyAfter += empty ? 1 : 0;
            }
        }
        assertThat(emptyBefore / (double) before).isBetween(0.005, 0.02);
        assertThat(emptyAfter / (double) after).isBetween(0.38, 0.48);
    }

    @Test
    void aboutTwoPercentOfProductionLoanAmountsAreThirtyTimesTheTrainingMaximum() {
        double trainMax = numbers(train, "loan_amount").stream().mapToDouble(d -> d).max().orElseThrow();
        long huge = numbers(prod, "loan_amount").stream().filter(v -> v >= 25 * trainMax).count();
        assertThat(huge / 3000.0).isBetween(0.015, 0.03);
    }

    @Test
    void promoCodeVariesInTrainingButIsConstantInProduction() {
        assertThat(distinct(train, "promo_code")).hasSizeGreaterThan(1);
        assertThat(distinct(prod, "promo_code")).containsExactly("NONE");
    }

    @Test
    void productionHoldsAboutThreePercentExactDuplicateRows() {
        assertThat(duplicateRows(train)).isZero();
        assertThat(duplicateRows(prod) / 3000.0).isBetween(0.025, 0.035);
    }

    @Test
    void defaultRateRisesFromAboutEightToAboutFourteenPercent() {
        assertThat(share(train, "defaulted", "1"::equals)).isBetween(0.07, 0.09);
        assertThat(share(prod, "defaulted", "1"::equals)).isBetween(0.12, 0.16);
    }

    @Test
    void annualFeeArrivesAsTextInAboutFivePercentOfProduction() {
        Predicate<String> notNumeric = v -> !v.matches("\\d+\\.\\d{2}");
        assertThat(share(train, "annual_fee", notNumeric)).isZero();
        assertThat(share(prod, "annual_fee", notNumeric)).isBetween(0.035, 0.065);
        assertThat(distinct(prod, "annual_fee")).contains("1,200");
    }

    @Test
    void interestRateSwitchesFromFractionToPercent() {
        assertThat(numbers(train, "interest_rate")).allSatisfy(v -> assertThat(v).isBetween(0.05, 0.30));
        assertThat(numbers(prod, "interest_rate")).allSatisfy(v -> assertThat(v).isBetween(5.0, 30.0));
        double ratio = mean(numbers(prod, "interest_rate")) / mean(numbers(train, "interest_rate"));
        assertThat(ratio).isBetween(95.0, 105.0);
    }

    @Test
    void untouchedFeaturesKeepTheirDistribution() {
        for (String column : List.of("age", "credit_score", "debt_to_income", "num_open_accounts", "loan_term_months")) {
            double trainMean = mean(numbers(train, column));
            double shift = Math.abs(mean(numbers(prod, column)) - trainMean) / sd(numbers(train, column));
            assertThat(shift).as(column).isLessThan(0.1);
        }
        for (String column : List.of("region", "employment_type", "home_ownership")) {
            for (String level : distinct(train, column)) {
                double gap = Math.abs(share(train, column, level::equals) - share(prod, column, level::equals));
                assertThat(gap).as(column + "=" + level).isLessThan(0.03);
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private static List<List<String>> rows(List<List<String>> table) {
        return table.subList(1, table.size());
    }

    private static int col(List<List<String>> table, String name) {
        int index = table.get(0).indexOf(name);
        assertThat(index).as("column " + name).isNotNegative();
        return index;
    }

    private static List<String> values(List<List<String>> table, String column) {
        int c = col(table, column);
        return rows(table).stream().map(r -> r.get(c)).toList();
    }

    /** Parses the values of a column that parse as plain numbers, skipping blanks and text. */
    private static List<Double> numbers(List<List<String>> table, String column) {
        List<Double> out = new ArrayList<>();
        for (String v : values(table, column)) {
            if (v.matches("-?\\d+(\\.\\d+)?")) {
                out.add(Double.parseDouble(v));
            }
        }
        return out;
    }

    private static double share(List<List<String>> table, String column, Predicate<String> test) {
        List<String> vs = values(table, column);
        return vs.stream().filter(test).count() / (double) vs.size();
    }

    private static Set<String> distinct(List<List<String>> table, String column) {
        return new HashSet<>(values(table, column));
    }

    private static long duplicateRows(List<List<String>> table) {
        return rows(table).size() - new HashSet<>(rows(table)).size();
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(d -> d).average().orElseThrow();
    }

    private static double sd(List<Double> xs) {
        double m = mean(xs);
        return Math.sqrt(xs.stream().mapToDouble(d -> (d - m) * (d - m)).sum() / xs.size());
    }

    /** A minimal RFC 4180 reader: quoted cells may contain commas and doubled quotes. */
    private static List<List<String>> readCsv(Path file) throws IOException {
        List<List<String>> table = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    cells.add(cell.toString());
                    cell.setLength(0);
                } else {
                    cell.append(ch);
                }
            }
            cells.add(cell.toString());
            table.add(cells);
        }
        return table;
    }
}
