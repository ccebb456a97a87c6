import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes the three notebook-comparison cases of bench/notebook-comparison.sh, seeded, each as a folder
 * with train.csv, prod.csv and the case.json that ../shared/bench/peer_baseline.py reads:
 * <ul>
 *   <li>{@code small}: 50,000 x 23 each side (16 numeric, 6 categorical, the binary target y);</li>
 *   <li>{@code long}: 300,000 x 15 each side (10 numeric, 4 categorical, y);</li>
 *   <li>{@code wide}: 20,000 x 501 each side (400 numeric, 100 categorical, y).</li>
 * </ul>
 * Production differs from training in a few planted ways (a location shift, a spread change, a new
 * category, more missing values), so both tools have drift to find. 2% of the cells of every fourth
 * column are empty (missing). Usage: java GenerateCases.java OUT_DIR [small|long|wide ...]
 */
public final class GenerateCases {

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        List<String> cases = args.length > 1 ? List.of(args).subList(1, args.length) : List.of("small", "long", "wide");
        for (String name : cases) {
            switch (name) {
                case "small" -> write(dir.resolve(name), name, 50_000, 16, 6);
                case "long" -> write(dir.resolve(name), name, 300_000, 10, 4);
                case "wide" -> write(dir.resolve(name), name, 20_000, 400, 100);
                default -> throw new IllegalArgumentException("unknown case " + name);
            }
        }
    }

    private static void write(Path dir, String name, int rows, int numeric, int categorical) throws IOException {
        Files.createDirectories(dir);
        List<String> header = new ArrayList<>();
        List<String> cats = new ArrayList<>();
        for (int c = 0; c < numeric; c++) {
            header.add("x" + c);
        }
        for (int c = 0; c < categorical; c++) {
            header.add("c" + c);
            cats.add("\"c" + c + "\"");
        }
        header.add("y");
        side(dir.resolve("train.csv"), header, rows, numeric, categorical, 11L + name.hashCode(), false);
        side(dir.resolve("prod.csv"), header, rows, numeric, categorical, 29L + name.hashCode(), true);
        Files.writeString(dir.resolve("case.json"), "{\"name\": \"" + name + "\", \"train\": \"train.csv\", \"prod\": \"prod.csv\", "
                + "\"target\": \"y\", \"task\": \"binary\", \"categorical\": [" + String.join(", ", cats) + "], \"model\": null}\n");
    }

    private static void side(Path file, List<String> header, int rows, int numeric, int categorical, long seed,
                             boolean prod) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder line = new StringBuilder(header.size() * 10);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(String.join(",", header));
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                double signal = 0;
                for (int c = 0; c < numeric; c++) {
                    boolean missing = c % 4 == 3 && r.nextDouble() < (prod && c == 3 ? 0.15 : 0.02);
                    double z = normal(r);
                    if (c < 3) {
                        signal += z;
                    }
                    double v = switch (c % 5) {
                        case 0 -> 50 + 10 * z + (prod && c == 0 ? 4 : 0);
                        case 1 -> Math.exp(10 + 0.5 * z * (prod && c == 1 ? 1.5 : 1));
                        case 2 -> z;
                        case 3 -> Math.floor(100 * r.nextDouble());
                        default -> 1000 * r.nextDouble();
                    };
                    if (!missing) {
                        if (c % 5 == 3) {
                            line.append((long) v);
                        } else {
                            line.append(String.format(Locale.ROOT, c % 5 == 2 ? "%.4f" : "%.2f", v));
                        }
                    }
                    line.append(',');
                }
                for (int c = 0; c < categorical; c++) {
                    int levels = 3 + (c * 7) % 40;
                    int k = (int) Math.min(levels - 1, Math.floor(-Math.log1p(-r.nextDouble()) * levels / 4));
                    line.append(prod && c == 0 && r.nextDouble() < 0.05 ? "new" : "k").append(k).append(',');
                }
                double p = 1 / (1 + Math.exp(-(signal - 0.5)));
                line.append(r.nextDouble() < p ? '1' : '0').append('\n');
                out.append(line);
            }
        }
    }

    private static double normal(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log1p(-r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
