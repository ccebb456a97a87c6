package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.modellens.report.DiagnosticReport;
import org.modellens.report.JsonReportWriter;

/** Personal data is found from values, and never written unmasked. */
class PiiCheckTest {

    private static final int ROWS = 600;

    /** A Luhn-valid 16-digit card number starting with 4, from a seeded stream. */
    static String card(SplittableRandom random) {
        int[] digits = new int[16];
        digits[0] = 4;
        for (int i = 1; i < 15; i++) {
            digits[i] = random.nextInt(10);
        }
        int sum = 0;
        for (int i = 14; i >= 0; i--) {
            int d = digits[i];
            if ((14 - i) % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        digits[15] = (10 - sum % 10) % 10;
        StringBuilder out = new StringBuilder();
        for (int d : digits) {
            out.append(d);
        }
        return out.toString();
    }

    private static String[] emails(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        return RawCase.cells(ROWS, i -> "user" + r.nextInt(1_000_000) + "." + i + "@mail" + r.nextInt(9) + ".example.com");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "contact, email",
        "card_number, card",
        "iban, iban",
        "client_ip, ipAddress",
        "phone, phone",
        "ssn, nationalId",
    })
    void eachKindIsFoundFromTheValuesWithItsShare(String column, String kind) {
        SplittableRandom r = new SplittableRandom(7);
        String[] ibans = {"DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606", "NL91ABNA0417164300"};
        String[] values = RawCase.cells(ROWS, i -> switch (kind) {
            case "email" -> "Please reach me at user" + i + "@example.org after 5pm";
            case "card" -> card(r);
            case "iban" -> ibans[i % ibans.length];
            case "ipAddress" -> "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
            case "phone" -> String.format(Locale.ROOT, "+41 %02d %03d %02d %02d", 20 + r.nextInt(70), r.nextInt(1000), r.nextInt(100), r.nextInt(100));
            default -> String.format(Locale.ROOT, "%03d-%02d-%04d", 100 + r.nextInt(500), 10 + r.nextInt(89), 1000 + r.nextInt(9000));
        });
        // a fifth of the rows empty: the share is of the non-missing values
        for (int i = 0; i < ROWS; i += 5) {
            values[i] = null;
        }
        String[] other = RawCase.normal(ROWS, 3, 10, 2);

        List<Finding> findings = new RawCase().both(column, values, values.clone()).both("x", other, other.clone())
                .findings(PiiCheck.ID);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.feature()).isEqualTo(column);
            assertThat(f.severity()).isEqualTo(Severity.WARN);
            assertThat(f.evidence()).containsEntry("kind", kind);
            assertThat((Double) f.evidence().get("trainShare")).isEqualTo(1.0);
            assertThat(f.rows().count()).isEqualTo(ROWS - ROWS / 5);
        });
    }

    @Test
    void randomDigitStringsThatFailLuhnAreNoCardNumbers() {
        SplittableRandom r = new SplittableRandom(9);
        List<String> invalid = new ArrayList<>();
        while (invalid.size() < ROWS) {
            String candidate = card(r);
            String broken = candidate.substring(0, 15) + (char) ('0' + (candidate.charAt(15) - '0' + 1) % 10);
            invalid.add(broken);
        }
        String[] values = invalid.toArray(String[]::new);

        assertThat(new RawCase().both("reference", values, values.clone()).findings(PiiCheck.ID)).isEmpty();
    }

    @Test
    void ordinaryBusinessDataIsNoPersonalData() {
        SplittableRandom r = new SplittableRandom(11);
        RawCase c = new RawCase()
                .both("amount", RawCase.normal(ROWS, 1, 50_000, 20_000), RawCase.normal(ROWS, 2, 50_000, 20_000))
                .both("date", RawCase.cells(ROWS, i -> "2025-" + String.format("%02d-%02d", 1 + i % 12, 1 + i % 28)),
                        RawCase.cells(ROWS, i -> "2025-10-" + String.format("%02d", 1 + i % 28)))
                .both("timestamp", RawCase.cells(ROWS, i -> String.valueOf(1_700_000_000L + 3600L * i)),
                        RawCase.cells(ROWS, i -> String.valueOf(1_760_000_000L + 3600L * i)))
                .both("sku", RawCase.cells(ROWS, i -> "SKU-" + (100000 + r.nextInt(900000))),
                        RawCase.cells(ROWS, i -> "SKU-" + (100000 + r.nextInt(900000))))
                .both("version", RawCase.cells(ROWS, i -> "v" + (1 + i % 3) + "." + (i % 10)),
                        RawCase.cells(ROWS, i -> "v2." + (i % 10)))
                .both("comment", RawCase.cells(ROWS, i -> "order " + i + " shipped in 3-5 days, ref 2025-10-01/" + i),
                        RawCase.cells(ROWS, i -> "order " + i + " delayed"));

        assertThat(c.findings(PiiCheck.ID)).isEmpty();
    }

    @Test
    void theJsonReportHoldsNoRawPersonalValues() throws Exception {
        SplittableRandom r = new SplittableRandom(13);
        String[] trainEmails = emails(1);
        String[] prodEmails = emails(2);
        String[] cards = RawCase.cells(ROWS, i -> card(r));
        String[] prodCards = RawCase.cells(ROWS, i -> card(r));
        // repeat customers make e-mail and card categorical features (not identifiers), so their top
        // categories, unseen categories and the like would quote them
        for (int i = 0; i < ROWS; i++) {
            trainEmails[i] = trainEmails[i % 40];
            prodEmails[i] = prodEmails[i % 40];
            cards[i] = cards[i % 30];
            prodCards[i] = prodCards[i % 30];
        }
        String[] phones = RawCase.cells(ROWS, i -> String.format(Locale.ROOT, "(%03d) %03d-%04d", 200 + i % 700, r.nextInt(1000), r.nextInt(10000)));
        String[] phoneDigits = RawCase.cells(ROWS, i -> String.valueOf(4_155_550_000L + r.nextInt(9999)));
        String[] label = RawCase.cells(ROWS, i -> i % 3 == 0 ? "1" : "0");
        DiagnosticReport report = new RawCase().target("churned")
                .both("email", trainEmails, prodEmails)
                .both("card", cards, prodCards)
                .both("phone", phones, phones.clone())
                .both("mobile_number", phoneDigits, RawCase.cells(ROWS, i -> String.valueOf(4_155_560_000L + r.nextInt(9999))))
                .both("churned", label, label.clone())
                .diagnose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonReportWriter().write(report, out);
        String json = out.toString(StandardCharsets.UTF_8);

        assertThat(report.findings()).filteredOn(f -> f.check().equals(PiiCheck.ID)).extracting(Finding::feature)
                .containsExactlyInAnyOrder("email", "card", "phone", "mobile_number");
        List<String> raw = new ArrayList<>();
        for (String[] column : List.of(trainEmails, prodEmails, cards, prodCards, phones, phoneDigits)) {
            raw.addAll(List.of(column));
        }
        assertThat(raw).allSatisfy(value -> assertThat(json).doesNotContain(value));
        for (String[] column : List.of(phones, phoneDigits)) {
            for (String value : column) {
                // not even the digits of a phone number as a JSON number (profile min/max/quantiles)
                assertThat(json).doesNotContain(value.replaceAll("\\D", ""));
            }
        }
        assertThat(json).contains("***@m***.com").contains("************");
    }

    @Test
    void masksKeepShapeButNotTheValue() {
        assertThat(PersonalData.maskValue("jane.doe@example.com")).isEqualTo("j***@e***.com");
        assertThat(PersonalData.maskValue("4111 1111 1111 1111")).isEqualTo("************1111");
        assertThat(PersonalData.maskValue("123-45-6789")).isEqualTo("***-**-**89");
        assertThat(PersonalData.maskMatches("write to jane.doe@example.com today", false)).isEqualTo("write to j***@e***.com today");
        assertThat(PersonalData.luhn("4111111111111111")).isTrue();
        assertThat(PersonalData.luhn("4111111111111112")).isFalse();
        assertThat(PersonalData.ibanChecksum("GB82WEST12345698765432")).isTrue();
        assertThat(PersonalData.ibanChecksum("GB83WEST12345698765432")).isFalse();
    }
}
