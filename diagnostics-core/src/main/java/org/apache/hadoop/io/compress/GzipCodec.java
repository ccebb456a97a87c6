package org.apache.hadoop.io.compress;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * GZIP for Parquet pages without Hadoop. Parquet looks GZIP up by Hadoop's class name; the
 * Hadoop-free reader (parquet-floor) carries Hadoop's codec interfaces but not this class, so
 * every GZIP-compressed Parquet file failed with a {@code NoSuchMethodError} on its configuration
 * stub. Each Parquet page is one complete gzip stream: {@code java.util.zip} reads and writes it.
 */
public class GzipCodec implements CompressionCodec {

    /** No pooled (de)compressor: each stream makes its own and frees it on close. */
    @Override
    public Decompressor createDecompressor() {
        return null;
    }

    @Override
    public Compressor createCompressor() {
        return null;
    }

    @Override
    public CompressionInputStream createInputStream(InputStream in, Decompressor decompressor) {
        try {
            return new Input(in);
        } catch (IOException e) {
            // Hadoop's interface (as parquet-floor declares it) throws nothing checked; Parquet reports this as a damaged page.
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public CompressionOutputStream createOutputStream(OutputStream out, Compressor compressor) {
        try {
            return new Output(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Input extends CompressionInputStream {
        private final GZIPInputStream gzip;

        Input(InputStream in) throws IOException {
            super(in);
            this.gzip = new GZIPInputStream(in, 64 * 1024);
        }

        @Override
        public int read() throws IOException {
            return gzip.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return gzip.read(b, off, len);
        }

        @Override
        public void resetState() {
            throw new UnsupportedOperationException("a gzip page is read once");
        }

        @Override
        public void close() throws IOException {
            gzip.close();
        }
    }

    private static final class Output extends CompressionOutputStream {
        private final GZIPOutputStream gzip;

        Output(OutputStream out) throws IOException {
            super(out);
            this.gzip = new GZIPOutputStream(out, 64 * 1024);
        }

        @Override
        public void write(int b) throws IOException {
            gzip.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            gzip.write(b, off, len);
        }

        @Override
        public void finish() throws IOException {
            gzip.finish();
        }

        @Override
        public void resetState() {
            throw new UnsupportedOperationException("a gzip page is written once");
        }

        @Override
        public void close() throws IOException {
            gzip.close();
        }
    }
}
