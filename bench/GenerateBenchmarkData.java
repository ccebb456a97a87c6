import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the benchmark's training and production CSVs: 12 columns (8 numeric, 4 categorical), seeded.
 * Usage: java GenerateBenchmarkData.java OUT_DIR TRAIN_ROWS PROD_ROWS
 */
public final class GenerateBenchmarkData {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        write(dir.resolve("train.csv"), Integer.parseInt(args[1]), 1, 0.0);
        write(dir.resolve("prod.csv"), Integer.parseInt(args[2]), 2, 0.3);
    }

    private static void write(Path file, int rows, long seed, double shift) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        String[] regions = {"north", "south", "east", "west", "central"};
        String[] products = {"basic", "plus", "premium", "business"};
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("income,age,balance,score,tenure,utilisation,visits,spend,region,product,channel,segment\n");
            for (int i = 0; i < rows; i++) {
                out.write(String.format(Locale.ROOT, "%.2f,%d,%.2f,%.4f,%d,%.4f,%d,%.2f,%s,%s,%s,%s%n",
                        Math.exp(10.5 + 0.6 * normal(r) + shift * 0.6), 18 + r.nextInt(70), 1000 * normal(r),
                        r.nextDouble() + shift * 0.1, r.nextInt(240), r.nextDouble(), r.nextInt(30),
                        Math.abs(200 * normal(r)), regions[r.nextInt(regions.length)], products[r.nextInt(products.length)],
                        r.nextBoolean() ? "web" : "branch", "s" + r.nextInt(40)));
            }
        }
    }

    private static double normal(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log1p(-r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
