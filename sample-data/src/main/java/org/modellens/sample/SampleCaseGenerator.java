package org.modellens.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the ModelLens demo case: credit-card loan applications of a lender whose default
 * model degraded after a product launch.
 *
 * <p>Three CSV files are written (comma-delimited, header row, {@code \n} line endings, UTF-8):
 * <ul>
 *   <li>{@code train.csv} — {@value #TRAIN_ROWS} applications from January to June 2025, the
 *       snapshot the model was trained on;</li>
 *   <li>{@code reference.csv} — {@value #REFERENCE_ROWS} further applications of the same period and
 *       population, held out: the model never saw them, so they are the fair baseline
 *       ({@code --reference});</li>
 *   <li>{@code prod.csv} — {@value #PROD_ROWS} applications from October and November 2025,
 *       after the lender launched "crypto" loans, with the planted problems listed in
 *       {@code sample-data/README.md}.</li>
 * </ul>
 *
 * <p>The output is deterministic byte for byte: every random draw comes from a
 * {@link java.util.Random} with a fixed seed (its algorithm is specified by the JDK), and every
 * number is formatted with {@link Locale#ROOT} and a fixed number of decimals.
 *
 * <p>The class has no dependencies beyond the JDK, so it runs with the Java 17 single-file
 * launcher:
 * <pre>{@code java sample-data/src/main/java/org/modellens/sample/SampleCaseGenerator.java sample-data/case}</pre>
 */
public final class SampleCaseGenerator {

    /** Number of rows in the training snapshot. */
    public static final int TRAIN_ROWS = 8000;
    /** Number of rows in the production snapshot, duplicates included. */
    public static final int PROD_ROWS = 3000;
    /** Seed of the training snapshot's random stream. */
    public static final long TRAIN_SEED = 20250101L;
    /** Number of rows in the held-out reference snapshot. */
    public static final int REFERENCE_ROWS = 4000;
    /** Seed of the reference snapshot's random stream: its own, so training is the same as without it. */
    public static final long REFERENCE_SEED = 20250701L;
    /** Seed of the production snapshot's random stream. */
    public static final long PROD_SEED = 20251001L;
    /** Directory written to when no argument is given. */
    public static final String DEFAULT_DIR = "sample-data/case";

    /** Column names, in file order. */
    public static final List<String> COLUMNS = List.of(
            "application_id", "application_date", "age", "income", "loan_amount",
            "loan_term_months", "interest_rate", "credit_score", "debt_to_income",
            "months_employed", "num_open_accounts", "annual_fee", "region", "employment_type",
            "loan_purpose", "home_ownership", "promo_code", "defaulted");

    /**
     * Columns appended after {@link #COLUMNS} in training: planted (j) to (l). They come from their own
     * random stream, so the columns above are the same as without them.
     */
    public static final List<String> TRAIN_EXTRA_COLUMNS = List.of("dependents", "customer_email", "collections_flag");
    /** Columns appended after {@link #COLUMNS} in production: {@code dependents} arrives renamed (j). */
    public static final List<String> PROD_EXTRA_COLUMNS = List.of("number_of_dependents", "customer_email", "collections_flag");
    /** Seed of the appended columns' stream (added to the snapshot's seed). */
    public static final long EXTRA_SEED_OFFSET = 7L;
    /** Planted (l): share of defaulted training loans sent to collections, and of repaid ones (mistakes). */
    private static final double COLLECTIONS_IF_DEFAULTED = 0.97;
    private static final double COLLECTIONS_IF_REPAID = 0.002;

    private static final String[] FIRST_NAMES = {"anna", "ben", "carla", "david", "elif", "farid", "grace", "hugo", "ines",
        "jonas", "kim", "lena", "marco", "nora", "omar", "petra", "quinn", "rosa", "sami", "tara"};
    private static final String[] LAST_NAMES = {"meier", "smith", "garcia", "kowalski", "nguyen", "rossi", "schmidt", "brown",
        "dubois", "jensen", "silva", "novak", "ivanova", "kaya", "murphy", "weber"};
    /** Domains reserved for documentation (RFC 2606): no real person's address is written. */
    private static final String[] MAIL_DOMAINS = {"example.com", "example.org", "example.net"};

    private static final int COL_APPLICATION_DATE = COLUMNS.indexOf("application_date");
    private static final int COL_LOAN_AMOUNT = COLUMNS.indexOf("loan_amount");
    private static final int COL_MONTHS_EMPLOYED = COLUMNS.indexOf("months_employed");
    private static final int COL_ANNUAL_FEE = COLUMNS.indexOf("annual_fee");

    private static final double INCOME_MEAN = 58_000;
    private static final double INCOME_SD = 18_000;
    /** Planted (a): production income mean is 0.6 standard deviations lower. */
    private static final double PROD_INCOME_SHIFT_SD = -0.6;
    /** Planted (b): share of production applications with the new purpose "crypto". */
    private static final double PROD_CRYPTO_SHARE = 0.10;
    /**
     * Planted (c): missing rate of months_employed in training, and in production a pipeline break: the new
     * web front end went live on Monday 27 October 2025 without the field, so from that day on 43% of
     * applications arrive without it (before it, the training rate). Over all of production about 25%.
     */
    private static final double TRAIN_MONTHS_MISSING = 0.01;
    private static final double PROD_MONTHS_MISSING = 0.43;
    static final LocalDate MONTHS_EMPLOYED_BREAK = LocalDate.of(2025, 10, 27);
    /** Planted (d): share of production loan amounts keyed with three extra zeros. */
    private static final double PROD_LOAN_AMOUNT_BUG_SHARE = 0.02;
    /** Planted (f): number of production rows that are an exact second copy of a batch. */
    private static final int PROD_DUPLICATE_ROWS = 90;
    /** Planted (h): share of production annual fees that arrive as formatted text. */
    private static final double PROD_FEE_TEXT_SHARE = 0.05;

    /** Intercept of the default model, tuned so that about 8% of training rows default. */
    private static final double DEFAULT_INTERCEPT = -3.25;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

    private static final String[] REGIONS = {"North", "South", "East", "West", "Central"};
    private static final double[] REGION_WEIGHTS = {0.22, 0.24, 0.18, 0.20, 0.16};
    private static final String[] EMPLOYMENT = {"salaried", "self_employed", "contract", "retired"};
    private static final double[] EMPLOYMENT_WEIGHTS = {0.62, 0.18, 0.12, 0.08};
    private static final String[] PURPOSES = {"debt_consolidation", "home_improvement", "car", "medical", "education", "business"};
    private static final double[] PURPOSE_WEIGHTS = {0.38, 0.18, 0.16, 0.08, 0.08, 0.12};
    private static final String[] HOME = {"RENT", "MORTGAGE", "OWN"};
    private static final double[] HOME_WEIGHTS = {0.42, 0.40, 0.18};
    private static final String[] PROMOS = {"NONE", "SPRING25", "WELCOME10", "CASHBACK5"};
    private static final double[] PROMO_WEIGHTS = {0.60, 0.15, 0.15, 0.10};
    private static final int[] TERMS = {12, 24, 36, 48, 60};
    private static final double[] TERM_WEIGHTS = {0.10, 0.20, 0.35, 0.15, 0.20};
    private static final int[] FEES = {0, 49, 95, 250, 550, 1200};
    private static final double[] FEE_WEIGHTS = {0.35, 0.25, 0.20, 0.12, 0.05, 0.03};

    /** Which snapshot is being generated. */
    enum Snapshot { TRAIN, PROD }

    /**
     * One loan application with its true (uncorrupted) values.
     *
     * @param date            when the application was filed
     * @param age             applicant age in years
     * @param income          yearly income in dollars
     * @param loanAmount      requested amount in dollars
     * @param termMonths      loan term in months
     * @param interestRate    yearly rate as a fraction (0.12 means 12%)
     * @param creditScore     bureau score, 300 to 850
     * @param debtToIncome    debt payments over income, a fraction
     * @param monthsEmployed  months with the current employer
     * @param openAccounts    number of open credit accounts
     * @param annualFee       card annual fee in dollars
     * @param region          sales region
     * @param employmentType  kind of employment
     * @param loanPurpose     stated purpose
     * @param homeOwnership   RENT, MORTGAGE or OWN
     * @param promoCode       marketing promo code, NONE if none
     * @param defaulted       whether the loan defaulted
     */
    record Application(LocalDateTime date, int age, double income, int loanAmount, int termMonths,
                       double interestRate, int creditScore, double debtToIncome, int monthsEmployed,
                       int openAccounts, int annualFee, String region, String employmentType,
                       String loanPurpose, String homeOwnership, String promoCode, boolean defaulted) {
    }

    private SampleCaseGenerator() {
    }

    /**
     * Writes {@code train.csv} and {@code prod.csv}.
     *
     * @param args optional target directory, {@value #DEFAULT_DIR} by default
     * @throws IOException if the files cannot be written
     */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : DEFAULT_DIR);
        writeCase(dir);
        System.out.println("Wrote " + dir.resolve("train.csv") + ", " + dir.resolve("reference.csv") + " and "
                + dir.resolve("prod.csv"));
    }

    /**
     * Writes both snapshots into {@code dir}, creating it if needed.
     *
     * @param dir target directory
     * @throws IOException if the files cannot be written
     */
    public static void writeCase(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("train.csv"), trainCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("reference.csv"), referenceCsv(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("prod.csv"), prodCsv(), StandardCharsets.UTF_8);
    }

    /** @return the full text of {@code train.csv} */
    public static String trainCsv() {
        Random rng = new Random(TRAIN_SEED);
        List<Application> apps = applications(rng, Snapshot.TRAIN, TRAIN_ROWS);
        List<String[]> rows = render(apps, 1_000_001, false);
        blankOut(rng, rows, COL_MONTHS_EMPLOYED, TRAIN_MONTHS_MISSING);
        appendCustomerColumns(new Random(TRAIN_SEED + EXTRA_SEED_OFFSET), rows, Snapshot.TRAIN);
        return toCsv(rows);
    }

    /**
     * @return the full text of {@code reference.csv}: the training population and period, drawn from its own
     *         stream, with the training snapshot's columns and missing rate; ids {@code A3000001}...
     */
    public static String referenceCsv() {
        Random rng = new Random(REFERENCE_SEED);
        List<Application> apps = applications(rng, Snapshot.TRAIN, REFERENCE_ROWS);
        List<String[]> rows = render(apps, 3_000_001, false);
        blankOut(rng, rows, COL_MONTHS_EMPLOYED, TRAIN_MONTHS_MISSING);
        appendCustomerColumns(new Random(REFERENCE_SEED + EXTRA_SEED_OFFSET), rows, Snapshot.TRAIN, 20_000);
        return toCsv(rows);
    }

    /** @return the full text of {@code prod.csv}, with every planted problem applied */
    public static String prodCsv() {
        Random rng = new Random(PROD_SEED);
        List<Application> apps = applications(rng, Snapshot.PROD, PROD_ROWS - PROD_DUPLICATE_ROWS);
        List<String[]> rows = render(apps, 2_000_001, true);
        blankOutFrom(rng, rows, COL_MONTHS_EMPLOYED, MONTHS_EMPLOYED_BREAK, TRAIN_MONTHS_MISSING, PROD_MONTHS_MISSING);
        addExtraZerosToLoanAmounts(rng, rows, PROD_LOAN_AMOUNT_BUG_SHARE);
        formatFeesAsText(rng, rows, PROD_FEE_TEXT_SHARE);
        appendCustomerColumns(new Random(PROD_SEED + EXTRA_SEED_OFFSET), rows, Snapshot.PROD);
        return toCsv(loadBatchTwice(rows, 1_500, PROD_DUPLICATE_ROWS));
    }

    // ---------------------------------------------------------------- population

    /** Draws {@code n} applications for a snapshot, sorted by application date. */
    static List<Application> applications(Random rng, Snapshot snapshot, int n) {
        List<Application> apps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            apps.add(application(rng, snapshot));
        }
        apps.sort(Comparator.comparing(Application::date));
        return apps;
    }

    private static Application application(Random rng, Snapshot snapshot) {
        boolean prod = snapshot == Snapshot.PROD;
        LocalDateTime date = applicationDate(rng, snapshot);
        int age = (int) Math.round(clamp(41 + 11 * rng.nextGaussian(), 21, 75));
        double incomeMean = INCOME_MEAN + (prod ? PROD_INCOME_SHIFT_SD * INCOME_SD : 0);
        double income = Math.round(clamp(incomeMean + INCOME_SD * rng.nextGaussian(), 12_000, 250_000) / 10.0) * 10.0;
        int loanAmount = (int) (Math.round(clamp(Math.exp(Math.log(12_000) + 0.6 * rng.nextGaussian()), 1_000, 40_000) / 50.0) * 50);
        int term = pick(rng, TERMS, TERM_WEIGHTS);
        int creditScore = (int) Math.round(clamp(680 + 60 * rng.nextGaussian(), 300, 850));
        double interestRate = interestRate(rng, creditScore);
        double dti = clamp(0.32 + 0.12 * rng.nextGaussian(), 0.01, 0.95);
        int monthsEmployed = (int) Math.min(Math.round(-55 * Math.log(1 - rng.nextDouble())), (age - 18) * 12L);
        int openAccounts = poisson(rng, 4.0);
        int annualFee = pick(rng, FEES, FEE_WEIGHTS);
        String region = pick(rng, REGIONS, REGION_WEIGHTS);
        String employment = pick(rng, EMPLOYMENT, EMPLOYMENT_WEIGHTS);
        String purpose = prod && rng.nextDouble() < PROD_CRYPTO_SHARE ? "crypto" : pick(rng, PURPOSES, PURPOSE_WEIGHTS);
        String home = pick(rng, HOME, HOME_WEIGHTS);
        String promo = prod ? "NONE" : pick(rng, PROMOS, PROMO_WEIGHTS);
        double p = defaultProbability(income, creditScore, dti, monthsEmployed, loanAmount, age, employment, home, purpose);
        boolean defaulted = rng.nextDouble() < p;
        return new Application(date, age, income, loanAmount, term, interestRate, creditScore, dti,
                monthsEmployed, openAccounts, annualFee, region, employment, purpose, home, promo, defaulted);
    }

    /** Training covers January to June 2025, production October and November 2025. */
    private static LocalDateTime applicationDate(Random rng, Snapshot snapshot) {
        LocalDateTime start = snapshot == Snapshot.TRAIN
                ? LocalDateTime.of(2025, 1, 1, 0, 0) : LocalDateTime.of(2025, 10, 1, 0, 0);
        int days = snapshot == Snapshot.TRAIN ? 181 : 61;
        long seconds = (long) (rng.nextDouble() * days * 86_400L);
        return start.plusSeconds(seconds);
    }

    /** Risk-based pricing: lower scores pay more. The true rate is a fraction such as 0.1234. */
    private static double interestRate(Random rng, int creditScore) {
        return clamp(0.06 + (850 - creditScore) / 550.0 * 0.30 + 0.015 * rng.nextGaussian(), 0.05, 0.30);
    }

    /**
     * The true default model: a logistic function of standardised features. Crypto loans carry
     * the highest risk, which the trained model has never seen.
     */
    static double defaultProbability(double income, int creditScore, double dti, int monthsEmployed,
                                     int loanAmount, int age, String employment, String home, String purpose) {
        double logit = DEFAULT_INTERCEPT
                - 0.70 * (income - INCOME_MEAN) / INCOME_SD
                - 0.90 * (creditScore - 680) / 60.0
                + 0.50 * (dti - 0.32) / 0.12
                - 0.25 * (Math.min(monthsEmployed, 240) - 55) / 55.0
                + 0.20 * (Math.log(loanAmount) - Math.log(12_000)) / 0.6
                - 0.010 * (age - 41)
                + employmentRisk(employment)
                + ("RENT".equals(home) ? 0.30 : 0.0)
                + purposeRisk(purpose);
        return 1.0 / (1.0 + Math.exp(-logit));
    }

    private static double employmentRisk(String employment) {
        return switch (employment) {
            case "self_employed" -> 0.35;
            case "contract" -> 0.45;
            case "retired" -> 0.10;
            default -> 0.0;
        };
    }

    private static double purposeRisk(String purpose) {
        return switch (purpose) {
            case "crypto" -> 1.30;
            case "business" -> 0.30;
            case "medical" -> 0.20;
            case "car" -> -0.20;
            case "home_improvement" -> -0.10;
            default -> 0.0;
        };
    }

    // ---------------------------------------------------------------- rendering

    /**
     * Turns applications into CSV cells. The production feed writes {@code interest_rate} in
     * percent (planted problem (i)); training writes it as a fraction.
     */
    static List<String[]> render(List<Application> apps, int firstId, boolean interestAsPercent) {
        List<String[]> rows = new ArrayList<>(apps.size() + 1);
        rows.add(COLUMNS.toArray(String[]::new));
        int id = firstId;
        for (Application a : apps) {
            rows.add(new String[] {
                "A" + id++,
                DATE_TIME.format(a.date()),
                Integer.toString(a.age()),
                fixed(a.income(), 2),
                fixed(a.loanAmount(), 2),
                Integer.toString(a.termMonths()),
                interestAsPercent ? fixed(a.interestRate() * 100, 2) : fixed(a.interestRate(), 4),
                Integer.toString(a.creditScore()),
                fixed(a.debtToIncome(), 3),
                Integer.toString(a.monthsEmployed()),
                Integer.toString(a.openAccounts()),
                fixed(a.annualFee(), 2),
                a.region(),
                a.employmentType(),
                a.loanPurpose(),
                a.homeOwnership(),
                a.promoCode(),
                a.defaulted() ? "1" : "0"});
        }
        return rows;
    }

    // ---------------------------------------------------------------- planted problems

    /** Empties a column in the given share of data rows (the header, row 0, is skipped). */
    static void blankOut(Random rng, List<String[]> rows, int column, double share) {
        for (int i = 1; i < rows.size(); i++) {
            if (rng.nextDouble() < share) {
                rows.get(i)[column] = "";
            }
        }
    }

    /**
     * Planted (c): empties {@code column} at rate {@code before} in rows dated before {@code day} and {@code after}
     * from it on. One draw a row, as {@link #blankOut}: the random stream the later problems draw from is unchanged.
     */
    static void blankOutFrom(Random rng, List<String[]> rows, int column, LocalDate day, double before, double after) {
        String from = day.toString();
        for (int i = 1; i < rows.size(); i++) {
            double share = rows.get(i)[COL_APPLICATION_DATE].compareTo(from) < 0 ? before : after;
            if (rng.nextDouble() < share) {
                rows.get(i)[column] = "";
            }
        }
    }

    /** Planted (d): a data-entry bug appends "000" to some loan amounts (1,000x the true value). */
    static void addExtraZerosToLoanAmounts(Random rng, List<String[]> rows, double share) {
        for (int i = 1; i < rows.size(); i++) {
            if (rng.nextDouble() < share) {
                double amount = Double.parseDouble(rows.get(i)[COL_LOAN_AMOUNT]);
                rows.get(i)[COL_LOAN_AMOUNT] = fixed(amount * 1000, 2);
            }
        }
    }

    /**
     * Planted (h): a new front end sends some annual fees as display text, such as {@code $95}
     * or {@code "1,200"} (quoted, because it contains the delimiter).
     */
    static void formatFeesAsText(Random rng, List<String[]> rows, double share) {
        for (int i = 1; i < rows.size(); i++) {
            if (rng.nextDouble() < share) {
                int fee = (int) Double.parseDouble(rows.get(i)[COL_ANNUAL_FEE]);
                rows.get(i)[COL_ANNUAL_FEE] = fee >= 1000 || rng.nextBoolean()
                        ? String.format(Locale.ROOT, "%,d", fee) + (fee < 1000 ? " USD" : "")
                        : "$" + fee;
            }
        }
    }

    /**
     * Planted (j), (k), (l): appends the number of dependents (renamed {@code number_of_dependents} by the
     * production feed), the customer's e-mail address (personal data in both files) and
     * {@code collections_flag}, set when a loan went to collections: after the outcome, so in training
     * it nearly copies {@code defaulted}, and in production, where outcomes are not known yet, it is
     * always 0.
     */
    static void appendCustomerColumns(Random rng, List<String[]> rows, Snapshot snapshot) {
        appendCustomerColumns(rng, rows, snapshot, snapshot == Snapshot.PROD ? 50_000 : 0);
    }

    /** As {@link #appendCustomerColumns(Random, List, Snapshot)}, the e-mail numbers offset so snapshots do not share addresses. */
    static void appendCustomerColumns(Random rng, List<String[]> rows, Snapshot snapshot, int emailOffset) {
        boolean prod = snapshot == Snapshot.PROD;
        List<String> header = new ArrayList<>(COLUMNS);
        header.addAll(prod ? PROD_EXTRA_COLUMNS : TRAIN_EXTRA_COLUMNS);
        rows.set(0, header.toArray(String[]::new));
        int defaulted = COLUMNS.indexOf("defaulted");
        for (int i = 1; i < rows.size(); i++) {
            String[] row = rows.get(i);
            int dependents = Math.min(6, poisson(rng, 1.1));
            String email = FIRST_NAMES[rng.nextInt(FIRST_NAMES.length)] + "." + LAST_NAMES[rng.nextInt(LAST_NAMES.length)]
                    + (1000 + i + emailOffset) + "@" + MAIL_DOMAINS[rng.nextInt(MAIL_DOMAINS.length)];
            double u = rng.nextDouble();
            boolean collections = !prod && u < ("1".equals(row[defaulted]) ? COLLECTIONS_IF_DEFAULTED : COLLECTIONS_IF_REPAID);
            String[] extended = java.util.Arrays.copyOf(row, row.length + 3);
            extended[row.length] = Integer.toString(dependents);
            extended[row.length + 1] = email;
            extended[row.length + 2] = collections ? "1" : "0";
            rows.set(i, extended);
        }
    }

    /**
     * Planted (f): the batch of {@code count} rows starting at data row {@code from} was loaded
     * twice, so an exact copy follows the original batch.
     */
    static List<String[]> loadBatchTwice(List<String[]> rows, int from, int count) {
        List<String[]> out = new ArrayList<>(rows.subList(0, from + count));
        out.addAll(rows.subList(from, from + count));
        out.addAll(rows.subList(from + count, rows.size()));
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /** Joins rows into CSV text, quoting cells that contain a comma or a quote. */
    static String toCsv(List<String[]> rows) {
        StringBuilder sb = new StringBuilder(rows.size() * 160);
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(quoteIfNeeded(row[c]));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String quoteIfNeeded(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }

    private static int poisson(Random rng, double mean) {
        double limit = Math.exp(-mean);
        double product = rng.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= rng.nextDouble();
            k++;
        }
        return k;
    }

    private static int pickIndex(Random rng, double[] weights) {
        double u = rng.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < weights.length - 1; i++) {
            cumulative += weights[i];
            if (u < cumulative) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String pick(Random rng, String[] values, double[] weights) {
        return values[pickIndex(rng, weights)];
    }

    private static int pick(Random rng, int[] values, double[] weights) {
        return values[pickIndex(rng, weights)];
    }
}
