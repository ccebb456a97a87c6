package org.apache.hadoop.io.compress;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Compressor;
import io.airlift.compress.lz4.Lz4Decompressor;

/**
 * Parquet's {@code LZ4} codec without Hadoop: Hadoop's block framing around LZ4 blocks (parquet-mr
 * and Spark write it; {@code LZ4_RAW}, without framing, has its own codec in Parquet). Parquet
 * looks it up by this Hadoop class name, which the Hadoop-free reader does not carry. A framed
 * page is a series of blocks, each a 4-byte big-endian uncompressed size followed by chunks of a
 * 4-byte big-endian compressed size and that many bytes of one LZ4 block.
 */
public class Lz4Codec implements CompressionCodec {

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

    private static int bigEndian(byte[] b, int at) throws IOException {
        if (at + 4 > b.length) {
            throw new IOException("an LZ4 page ends inside a block header");
        }
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    /** Decodes the whole page at once (a page is bounded by Parquet's own header check). */
    static byte[] decode(byte[] page) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.length * 3);
        Lz4Decompressor lz4 = new Lz4Decompressor();
        int at = 0;
        while (at < page.length) {
            int expected = bigEndian(page, at);
            at += 4;
            if (expected < 0 || expected > 64 << 20) {
                throw new IOException("an LZ4 block declares " + expected + " bytes");
            }
            byte[] block = new byte[expected];
            int filled = 0;
            while (filled < expected) {
                int length = bigEndian(page, at);
                at += 4;
                if (length < 0 || length > page.length - at) {
                    throw new IOException("an LZ4 chunk of " + length + " bytes runs past its page");
                }
                try {
                    filled += lz4.decompress(page, at, length, block, filled, expected - filled);
                } catch (MalformedInputException e) {
                    throw new IOException("a damaged LZ4 chunk: " + e.getMessage(), e);
                }
                at += length;
            }
            out.write(block, 0, filled);
        }
        return out.toByteArray();
    }

    private static final class Input extends CompressionInputStream {
        private final InputStream decoded;

        Input(InputStream in) throws IOException {
            super(in);
            this.decoded = new ByteArrayInputStream(decode(in.readAllBytes()));
        }

        @Override
        public int read() throws IOException {
            return decoded.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return decoded.read(b, off, len);
        }

        @Override
        public void resetState() {
            throw new UnsupportedOperationException("an LZ4 page is read once");
        }
    }

    /** Writes one framed block per page (for the test fixtures; ModelLens itself writes no Parquet). */
    private static final class Output extends CompressionOutputStream {
        private final ByteArrayOutputStream page = new ByteArrayOutputStream();
        private boolean finished;

        Output(OutputStream out) throws IOException {
            super(out);
        }

        @Override
        public void write(int b) {
            page.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            page.write(b, off, len);
        }

        @Override
        public void finish() throws IOException {
            if (finished) {
                return;
            }
            finished = true;
            byte[] raw = page.toByteArray();
            Lz4Compressor lz4 = new Lz4Compressor();
            byte[] compressed = new byte[lz4.maxCompressedLength(raw.length)];
            int length = lz4.compress(raw, 0, raw.length, compressed, 0, compressed.length);
            writeInt(raw.length);
            writeInt(length);
            out.write(compressed, 0, length);
        }

        private void writeInt(int v) throws IOException {
            out.write(new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v});
        }

        @Override
        public void resetState() {
            throw new UnsupportedOperationException("an LZ4 page is written once");
        }

        @Override
        public void close() throws IOException {
            finish();
        }
    }
}
