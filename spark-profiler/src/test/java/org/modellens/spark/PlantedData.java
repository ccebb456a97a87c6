package org.modellens.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Generates the test and benchmark data with Spark itself: one Parquet file (one part) of a snapshot,
 * production with planted problems: amount shifted by +6 and 20% missing, every 100th score NaN text
 * and every 250th beyond the training range, every 40th city a new one (Narvik), every 500th row
 * double-loaded.
 */
final class PlantedData {

    private PlantedData() {
    }

    static Path generate(SparkSession spark, Path dir, String name, long rows, boolean production, long rowGroupBytes)
            throws IOException {
        Path out = dir.resolve(name);
        String shift = production ? "6" : "0";
        Dataset<Row> data = spark.range(rows).selectExpr(
                (production ? "1000000000 + id" : "id") + " AS customer_id",
                "CASE WHEN rand(1) < " + (production ? "0.2" : "0.05") + " THEN NULL ELSE round(100 + 15 * randn(2) + "
                        + shift + ", 2) END AS amount",
                production ? "CASE WHEN id % 100 = 7 THEN double('NaN') WHEN id % 250 = 3 THEN 5 + rand(3) ELSE round(rand(4), 5) END AS score"
                        : "round(rand(4), 5) AS score",
                (production ? "CASE WHEN id % 40 = 0 THEN 'Narvik' ELSE " : "CASE WHEN true THEN ")
                        + "element_at(array('Oslo', 'Bergen', 'Trondheim', 'Stavanger', 'Tromsø'), int(floor(rand(5) * 5)) + 1) END AS city",
                "rand(6) < 0.5 AS active",
                "date_add(date'2024-01-01', int(floor(rand(7) * 365))) AS signup",
                "CASE WHEN rand(8) < 0.25 THEN 1 ELSE 0 END AS label");
        if (production) {
            data = data.union(data.where("customer_id % 500 = 11")); // double-loaded rows
        }
        data.coalesce(1).write().mode("overwrite").option("parquet.block.size", String.valueOf(rowGroupBytes))
                .parquet(out.toString());
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
    }
}
