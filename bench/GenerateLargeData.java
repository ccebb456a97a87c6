import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the large-input benchmark's CSVs, seeded: 20 columns (an id, 14 numeric, 4 categorical, 1
 * boolean). Production has planted problems: a shifted income, a few out-of-range balances, a new
 * channel, gaps in tenure. Usage: java GenerateLargeData.java OUT_DIR TRAIN_ROWS PROD_ROWS
 */
public final class GenerateLargeData {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        write(dir.resolve("train.csv"), Long.parseLong(args[1]), 1, false);
        write(dir.resolve("prod.csv"), Long.parseLong(args[2]), 2, true);
    }

    private static void write(Path file, long rows, long seed, boolean production) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String[] regions = {"north", "south", "east", "west", "central"};
        String[] products = {"basic", "plus", "premium", "business"};
        String[] channels = production ? new String[] {"web", "branch", "app"} : new String[] {"web", "branch"};
        StringBuilder line = new StringBuilder(256);
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
            out.write("customer_id,income,age,balance,score,tenure,utilisation,visits,spend,limit,rate,debt,"
                    + "savings,txn_count,days_late,region,product,channel,segment,active\n");
            for (long i = 0; i < rows; i++) {
                line.setLength(0);
                line.append(production ? 50_000_000 + i : i).append(',');
                fixed(line, Math.exp(10.5 + 0.6 * normal(r) + (production ? 0.2 : 0)), 2).append(',');
                line.append(18 + r.nextInt(70)).append(',');
                fixed(line, production && i % 1000 == 0 ? 50_000 + 1000 * r.nextDouble() : 1000 * normal(r), 2).append(',');
                fixed(line, r.nextDouble(), 4).append(',');
                if (!(production && r.nextInt(10) == 0)) {
                    line.append(r.nextInt(240));
                }
                line.append(',');
                fixed(line, r.nextDouble(), 4).append(',');
                line.append(r.nextInt(30)).append(',');
                fixed(line, Math.abs(200 * normal(r)), 2).append(',');
                line.append(1000 * (1 + r.nextInt(50))).append(',');
                fixed(line, 0.02 + 0.1 * r.nextDouble(), 4).append(',');
                fixed(line, 5000 * Math.abs(normal(r)), 2).append(',');
                fixed(line, 20000 * r.nextDouble(), 2).append(',');
                line.append(r.nextInt(500)).append(',');
                line.append(r.nextInt(8) == 0 ? r.nextInt(90) : 0).append(',');
                line.append(regions[r.nextInt(regions.length)]).append(',');
                line.append(products[r.nextInt(products.length)]).append(',');
                line.append(channels[r.nextInt(channels.length)]).append(',');
                line.append('s').append(r.nextInt(40)).append(',');
                line.append(r.nextBoolean() ? "yes" : "no").append('\n');
                out.append(line);
            }
        }
    }

    /** Fixed-point text without String.format (which would dominate the run time). */
    private static StringBuilder fixed(StringBuilder sb, double v, int decimals) {
        long scale = decimals == 2 ? 100 : 10_000;
        long n = Math.round(Math.abs(v) * scale);
        if (v < 0 && n != 0) {
            sb.append('-');
        }
        sb.append(n / scale).append('.');
        String frac = Long.toString(n % scale);
        for (int k = frac.length(); k < decimals; k++) {
            sb.append('0');
        }
        return sb.append(frac);
    }

    private static double normal(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log1p(-r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
