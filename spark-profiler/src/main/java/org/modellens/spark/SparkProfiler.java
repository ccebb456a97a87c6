package org.modellens.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.util.CollectionAccumulator;
import org.modellens.data.ColumnType;
import org.modellens.data.TypeInference;
import org.modellens.profile.format.Profile;
import org.modellens.profile.format.ProfileFormat;
import org.modellens.profile.format.ProfileOptions;
import org.modellens.profile.format.ProfileSchema;
import org.modellens.profile.format.RowHash;
import org.modellens.timeline.ChunkSpec;

/**
 * The Spark job that writes the profile ({@code .mlprofile}) of a snapshot of any size, with the
 * core's profile classes: every partition builds a {@link Profile} of its rows (the same
 * {@code Profile.add} the {@code profile} command calls, rows as the cell text the core's readers
 * give, see {@link CellText}), the partition profiles are merged with {@link Profile#merge} in a tree,
 * and a second job counts the duplicate rows of the whole exactly (distinct row hashes). Optionally
 * the model scores every row (predictions and TreeSHAP per partition, {@link ModelScorer}) and a time
 * column cuts the rows into per-chunk profiles, all in the same pass.
 *
 * <p>Column types are inferred on the first {@code typeRows} rows, as the {@code profile} command
 * does. Row indices (sample rows, examples) count rows in Spark's read order: for one file, file order.
 */
public final class SparkProfiler {

    /** The producer written into profiles. */
    public static final String PRODUCER = "ModelLens spark-profiler " + org.modellens.Diagnosis.VERSION;

    /** Partition-local row index bits: up to 2^40 rows a partition, 2^23 partitions. */
    private static final int LOCAL_BITS = 40;

    private SparkProfiler() {
    }

    /**
     * What to profile and how.
     *
     * @param input       a path Spark reads (file or folder, any file system Spark knows), or {@code null} with a table
     * @param table       a table name in Spark's catalog (Hive, Delta, Iceberg where the cluster has them), or {@code null}
     * @param format      parquet, csv, orc, json...; {@code null} to take it from the input's extension
     * @param filter      a Spark SQL condition selecting the rows, or {@code null}
     * @param columns     the columns to profile, empty for all
     * @param timeColumn  a time column to cut per-chunk profiles by, or {@code null}
     * @param chunk       day, week or month (with a time column)
     */
    public record Job(String input, String table, String format, String filter, List<String> columns, String target,
                      Set<String> categorical, Set<String> numeric, ProfileOptions options, ModelSpec model,
                      String timeColumn, String chunk) {
    }

    /** Profiles the job's rows and returns the merged profile of all of them. */
    public static Profile profile(SparkSession spark, Job job) {
        Dataset<Row> data = read(spark, job);
        StructField[] fields = data.schema().fields();
        List<String> names = new ArrayList<>(fields.length);
        for (StructField field : fields) {
            CellText.check(field);
            names.add(field.name());
        }
        ProfileOptions options = job.options();
        // Types from the first rows, as the single-machine profile decides them.
        List<String[]> first = new ArrayList<>();
        for (Row row : data.limit(options.typeRows()).collectAsList()) {
            first.add(cells(row, names.size()));
        }
        if (first.isEmpty()) {
            throw new IllegalArgumentException(describe(job) + " has no rows" + (job.filter() == null ? "" : " matching the filter"));
        }
        ProfileSchema schema = ProfileSchema.infer(names, first, job.categorical(), job.numeric(), job.target());
        int timeIndex = job.timeColumn() == null ? -1 : names.indexOf(job.timeColumn());
        if (job.timeColumn() != null && timeIndex < 0) {
            throw new IllegalArgumentException("the time column '" + job.timeColumn() + "' is not among the columns: " + names);
        }
        ChunkSpec.Period period = null;
        if (timeIndex >= 0) {
            ChunkSpec spec = ChunkSpec.parse(job.chunk() == null ? "day" : job.chunk());
            if (!spec.calendar()) {
                throw new IllegalArgumentException("--chunk must be day, week or month for the Spark job: chunks of a row count "
                        + "depend on row order, which a distributed read does not have");
            }
            period = spec.period();
        }

        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Setup> setup = context.broadcast(new Setup(schema, options, describe(job), job.model(), timeIndex, period));
        CollectionAccumulator<long[]> partitionRows = spark.sparkContext().collectionAccumulator("modellens-partition-rows");
        JavaRDD<Row> rows = data.javaRDD();

        byte[] merged = rows.mapPartitionsWithIndex((partition, it) -> {
            Profile p = setup.value().profilePartition(partition, it);
            partitionRows.add(new long[] {partition, p.rows()});
            return List.of(ProfileFormat.toBytes(p, 0)).iterator();
        }, false).treeReduce((a, b) -> ProfileFormat.toBytes(Profile.merge(read(a), read(b)), 0), depth(rows.getNumPartitions()));
        Profile profile = read(merged);

        // Partition-local row indices become positions in read order.
        Map<Long, Long> sizes = new LinkedHashMap<>();
        for (long[] pr : partitionRows.value()) {
            sizes.put(pr[0], pr[1]);
        }
        long[] offsets = new long[rows.getNumPartitions() + 1];
        for (int p = 0; p < rows.getNumPartitions(); p++) {
            offsets[p + 1] = offsets[p] + sizes.getOrDefault((long) p, 0L);
        }
        profile.remapRowIndices(i -> i < 0 ? i : offsets[(int) (i >>> LOCAL_BITS)] + (i & ((1L << LOCAL_BITS) - 1)));

        // Duplicates of the whole: rows minus distinct row hashes (a shuffle of 8 bytes a row).
        int width = names.size();
        long distinct = rows.map(row -> RowHash.of(cells(row, width))).distinct().count();
        profile.setExactDuplicates(profile.rows() - distinct);
        profile.dropRowHashes();
        return profile;
    }

    private static int depth(int partitions) {
        return partitions > 64 ? 3 : 2;
    }

    private static Profile read(byte[] bytes) {
        return ProfileFormat.fromBytes(bytes, "partition profile");
    }

    private static Dataset<Row> read(SparkSession spark, Job job) {
        Dataset<Row> data;
        if (job.table() != null) {
            data = spark.table(job.table());
        } else {
            String format = job.format() != null ? job.format() : formatOf(job.input());
            var reader = spark.read().format(format);
            if (format.equals("csv")) {
                // As the core reads CSV: a header, every value as text (types are the profile's to infer).
                reader = reader.option("header", "true").option("inferSchema", "false");
            }
            data = reader.load(job.input());
        }
        if (job.filter() != null) {
            data = data.filter(job.filter());
        }
        if (!job.columns().isEmpty()) {
            List<String> present = Arrays.asList(data.columns());
            for (String c : job.columns()) {
                if (!present.contains(c)) {
                    throw new IllegalArgumentException("--columns names '" + c + "', which " + describe(job)
                            + " does not have; its columns are " + present);
                }
            }
            data = data.select(job.columns().stream().map(Column::new).toArray(Column[]::new));
        }
        return data;
    }

    private static String formatOf(String input) {
        String lower = input.toLowerCase(java.util.Locale.ROOT).replaceAll("/+$", "");
        for (String format : List.of("parquet", "csv", "orc", "json", "avro")) {
            if (lower.endsWith("." + format)) {
                return format;
            }
        }
        return "parquet";
    }

    private static String describe(Job job) {
        if (job.table() != null) {
            return job.table();
        }
        String name = job.input().replaceAll("/+$", "");
        return name.substring(name.lastIndexOf('/') + 1);
    }

    static String[] cells(Row row, int width) {
        String[] cells = new String[width];
        for (int c = 0; c < width; c++) {
            cells[c] = CellText.of(row.get(c));
        }
        return cells;
    }

    /** What every partition needs, shipped once per executor. */
    record Setup(ProfileSchema schema, ProfileOptions options, String source, ModelSpec model, int timeIndex,
                 ChunkSpec.Period period) implements java.io.Serializable {

        Profile profilePartition(int partition, Iterator<Row> it) {
            Profile p = new Profile(schema, options, source, PRODUCER);
            if (timeIndex >= 0) {
                p.setChunking(schema.names().get(timeIndex), period.name().toLowerCase(java.util.Locale.ROOT));
            }
            int width = schema.width();
            Map<String, ColumnType> types = new LinkedHashMap<>();
            for (int c = 0; c < width; c++) {
                types.put(schema.names().get(c), schema.types().get(c));
            }
            ModelScorer scorer = model == null ? null
                    : new ModelScorer(model, schema.names(), types, schema.identifiers(), options.kllK());
            Map<String, ModelScorer> chunkScorers = new LinkedHashMap<>();
            long index = (long) partition << LOCAL_BITS;
            while (it.hasNext()) {
                String[] cells = cells(it.next(), width);
                p.add(cells, index);
                if (scorer != null) {
                    scorer.add(cells);
                }
                if (timeIndex >= 0) {
                    String key = chunkKey(cells[timeIndex]);
                    p.chunk(key).add(cells, index);
                    if (model != null) {
                        chunkScorers.computeIfAbsent(key, k -> new ModelScorer(model, schema.names(), types,
                                schema.identifiers(), options.kllK())).add(cells);
                    }
                }
                index++;
            }
            if (scorer != null) {
                p.setModel(scorer.finish());
                for (String key : p.chunks().keySet()) {
                    ModelScorer chunkScorer = chunkScorers.get(key);
                    p.chunk(key).setModel(chunkScorer.finish());
                }
            }
            return p;
        }

        /** The first day of the chunk holding the cell's time (ISO date), or "unreadable". */
        private String chunkKey(String cell) {
            double seconds = cell == null ? Double.NaN : TypeInference.parseDateTime(cell);
            if (Double.isNaN(seconds)) {
                return Profile.UNREADABLE_CHUNK;
            }
            LocalDate day = java.time.Instant.ofEpochSecond((long) Math.floor(seconds)).atZone(ZoneOffset.UTC).toLocalDate();
            return switch (period) {
                case DAY -> day.toString();
                case WEEK -> day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)).toString();
                case MONTH -> day.withDayOfMonth(1).toString();
            };
        }
    }

    /** Reads a model file on the driver, for shipping to the executors. */
    public static ModelSpec modelSpec(Path file, List<String> features) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            String name = String.valueOf(file.getFileName());
            return new ModelSpec(name, bytes, List.copyOf(features), name + "@" + digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the profile to a local path, or through Hadoop's file systems for a URI (hdfs://, s3a://, ...). */
    public static void write(SparkSession spark, Profile profile, String out) throws IOException {
        if (!out.contains("://")) {
            ProfileFormat.write(profile, Path.of(out));
            return;
        }
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(out);
        org.apache.hadoop.fs.FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
        try (OutputStream stream = fs.create(path)) {
            stream.write(ProfileFormat.toBytes(profile, profile.options().maxStoredHashes()));
        }
    }

    /**
     * {@code spark-submit --class org.modellens.spark.SparkProfiler modellens-spark-profiler.jar
     * (--input PATH | --table NAME) --out FILE.mlprofile [options]}; see the README. Exit 0 when
     * written, 2 on bad usage or input (one line on stderr).
     */
    public static void main(String[] args) {
        System.exit(run(args, System.err));
    }

    static int run(String[] args, PrintStream err) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("modellens-spark: " + e.getMessage());
            err.println(Arguments.USAGE);
            return 2;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("ModelLens profile " + a.out)
                .config("spark.sql.datetime.java8API.enabled", "true");
        if (a.master != null) {
            builder = builder.master(a.master);
        }
        SparkSession spark = builder.getOrCreate();
        try {
            long start = System.nanoTime();
            ModelSpec model = a.model == null ? null : modelSpec(Path.of(a.model), a.modelFeatures);
            Job job = new Job(a.input, a.table, a.format, a.filter, a.columns, a.target, a.categorical, a.numeric,
                    ProfileOptions.of(a.sampleRows, a.seed, a.maxCategories, a.typeRows), model, a.timeColumn, a.chunk);
            Profile profile = profile(spark, job);
            write(spark, profile, a.out);
            err.printf(java.util.Locale.ROOT, "Wrote %s: %,d rows, %d columns, %,d sampled rows, %,d duplicate rows, %d chunks in %.1f s%n",
                    a.out, profile.rows(), profile.schema().width(), profile.sample().size(),
                    profile.duplicates().duplicates(), profile.chunks().size(), (System.nanoTime() - start) / 1e9);
            return 0;
        } catch (IllegalArgumentException | IOException e) {
            err.println("modellens-spark: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            // Spark's analysis errors (a missing path, table or column, a bad filter) are checked in Scala only.
            if (e instanceof org.apache.spark.sql.AnalysisException analysis) {
                err.println("modellens-spark: " + analysis.getSimpleMessage());
                return 2;
            }
            throw e;
        } finally {
            spark.stop();
        }
    }

    /** The command line. */
    static final class Arguments {
        static final String USAGE = "usage: spark-submit --class org.modellens.spark.SparkProfiler modellens-spark-profiler.jar"
                + " (--input PATH [--format parquet|csv|orc|json] | --table NAME) --out FILE.mlprofile"
                + " [--filter SQL] [--columns a,b] [--target COL] [--categorical a,b] [--numeric a,b]"
                + " [--sample-rows N] [--seed S] [--max-categories N] [--type-rows N]"
                + " [--model FILE [--model-features a,b]] [--time-column COL [--chunk day|week|month]] [--master URL]";

        String input;
        String table;
        String format;
        String out;
        String filter;
        List<String> columns = List.of();
        String target;
        Set<String> categorical = Set.of();
        Set<String> numeric = Set.of();
        int sampleRows = 200_000;
        long seed = 20261123L;
        int maxCategories = 100_000;
        int typeRows = 100_000;
        String model;
        List<String> modelFeatures = List.of();
        String timeColumn;
        String chunk;
        String master;

        static Arguments parse(String[] args) {
            Arguments a = new Arguments();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                String v = args[++i];
                switch (name) {
                    case "--input" -> a.input = v;
                    case "--table" -> a.table = v;
                    case "--format" -> a.format = v;
                    case "--out" -> a.out = v;
                    case "--filter" -> a.filter = v;
                    case "--columns" -> a.columns = List.of(v.split(","));
                    case "--target" -> a.target = v;
                    case "--categorical" -> a.categorical = new LinkedHashSet<>(List.of(v.split(",")));
                    case "--numeric" -> a.numeric = new LinkedHashSet<>(List.of(v.split(",")));
                    case "--sample-rows" -> a.sampleRows = positive(name, v);
                    case "--seed" -> a.seed = Long.parseLong(v);
                    case "--max-categories" -> a.maxCategories = positive(name, v);
                    case "--type-rows" -> a.typeRows = positive(name, v);
                    case "--model" -> a.model = v;
                    case "--model-features" -> a.modelFeatures = List.of(v.split(","));
                    case "--time-column" -> a.timeColumn = v;
                    case "--chunk" -> a.chunk = v;
                    case "--master" -> a.master = v;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if ((a.input == null) == (a.table == null)) {
                throw new IllegalArgumentException("give either --input or --table");
            }
            if (a.out == null) {
                throw new IllegalArgumentException("--out is required");
            }
            return a;
        }

        private static int positive(String name, String v) {
            try {
                int n = Integer.parseInt(v);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // the message below
            }
            throw new IllegalArgumentException(name + " must be a positive whole number, not '" + v + "'");
        }
    }
}
