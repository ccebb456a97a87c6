package org.modellens.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Spark values as the cell text the core reads, so a row profiled by Spark hashes, samples and parses
 * exactly as the same row read by the core's Parquet reader: numbers through {@code String.valueOf},
 * booleans as {@code true}/{@code false}, dates {@code yyyy-MM-dd}, timestamps
 * {@code yyyy-MM-ddTHH:mm:ss[.fff]} in UTC, decimals in plain notation, null as missing.
 * (Requires {@code spark.sql.datetime.java8API.enabled}, which the job sets: dates and timestamps
 * arrive as {@link LocalDate} and {@link Instant}.)
 */
final class CellText implements Serializable {

    private static final long serialVersionUID = 1L;

    private CellText() {
    }

    /** Refuses a column the core cannot read as cells (nested, binary, intervals...), naming it. */
    static void check(StructField field) {
        DataType t = field.dataType();
        boolean supported = t instanceof BooleanType || t instanceof ByteType || t instanceof ShortType
                || t instanceof IntegerType || t instanceof LongType || t instanceof FloatType || t instanceof DoubleType
                || t instanceof DecimalType || t instanceof StringType || t instanceof DateType
                || t instanceof TimestampType || t instanceof TimestampNTZType;
        if (!supported) {
            throw new IllegalArgumentException("column \"" + field.name() + "\" is of type " + t.simpleString()
                    + ", which ModelLens does not profile; leave it out with --columns");
        }
    }

    static String of(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Byte || value instanceof Short) {
            return String.valueOf(((Number) value).intValue());
        }
        if (value instanceof Instant instant) {
            return timestamp(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
        if (value instanceof LocalDateTime dt) {
            return timestamp(dt);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return timestamp(LocalDateTime.ofInstant(ts.toInstant(), ZoneOffset.UTC));
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return String.valueOf(value); // Integer, Long, Float, Double, Boolean, LocalDate
    }

    private static String timestamp(LocalDateTime dt) {
        String s = dt.toString();
        return dt.getSecond() == 0 && dt.getNano() == 0 ? s + ":00" : s;
    }
}
