package org.modellens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The column list read from the header alone names the columns exactly as reading the whole file
 * does, for every delimiter, encoding and quoting the readers accept, and never looks past the header.
 */
class ColumnNamesTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Header-only names equal the whole read's, and the training snapshot's. */
    private static void agrees(Path file) throws UnreadableInputException {
        List<String> fromHeader = SnapshotReaders.columnNames(file);
        assertThat(fromHeader).as(file.getFileName().toString()).isEqualTo(SnapshotReaders.read(file).names());
        assertThat(fromHeader).isEqualTo(SnapshotLoader.readTraining(file, Set.of(), Set.of(), null).columns().stream()
                .map(Column::name).toList());
    }

    /** Enough rows that the in-memory readers cut the file into several slices. */
    private static String rows(int n, String delimiter) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            text.append(i).append(delimiter).append(i % 7 == 0 ? "red" : "blue").append(delimiter).append(i * 0.5).append('\n');
        }
        return text.toString();
    }

    @Test
    void delimitersBomQuotesAndSpacesGiveTheSameNamesAsTheWholeRead() throws IOException, UnreadableInputException {
        agrees(write("comma.csv", "id,colour,amount\n" + rows(50, ",")));
        agrees(write("semicolon.csv", "id;colour;amount\n" + rows(50, ";")));
        agrees(write("tab.tsv", "id\tcolour\tamount\n" + rows(50, "\t")));
        agrees(write("pipe.txt", " id | colour |amount \n" + rows(50, "|")));
        agrees(write("bom.csv", "\uFEFFid,colour,amount\n" + rows(50, ",")));
        agrees(write("quoted.csv", "\"id\",\"colour, as seen\",\"amount \"\"net\"\"\"\n" + rows(50, ",")));
        agrees(write("crlf.csv", ("id,colour,amount\n" + rows(50, ",")).replace("\n", "\r\n")));
        agrees(write("blank-first.csv", "\n\nid,colour,amount\n" + rows(50, ",")));
        agrees(write("unicode.csv", "kundennummer,größe,日付\n" + rows(50, ",")));
        // Several megabytes: the in-memory readers parse it in slices.
        agrees(write("large.csv", "id,colour,amount\n" + rows(300_000, ",")));
    }

    @Test
    void utf16AndMixedEncodingsGiveTheSameNamesAsTheWholeRead() throws IOException, UnreadableInputException {
        agrees(write("utf16.csv", ("\uFEFFid,größe,amount\n" + rows(50, ",")).getBytes(StandardCharsets.UTF_16LE)));
        // A UTF-8 header over rows that turn Latin-1 after the first 64 KB: each cell, the names
        // included, is decoded in its own encoding by both reads.
        byte[] header = "id,größe,amount\n".getBytes(StandardCharsets.UTF_8);
        byte[] body = rows(10_000, ",").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "10001,caf\u00e9,1.5\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] mixed = new byte[header.length + body.length + latin1.length];
        System.arraycopy(header, 0, mixed, 0, header.length);
        System.arraycopy(body, 0, mixed, header.length, body.length);
        System.arraycopy(latin1, 0, mixed, header.length + body.length, latin1.length);
        Path file = write("mixed.csv", mixed);
        agrees(file);
        assertThat(SnapshotReaders.columnNames(file)).containsExactly("id", "größe", "amount");
        // Latin-1 from the first byte: names as ISO-8859-1, as the whole read gives them.
        agrees(write("latin1.csv", ("id,gr\u00f6\u00dfe,amount\n" + rows(50, ",")).getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void parquetNamesComeFromTheFooter() throws IOException, UnreadableInputException {
        Path file = dir.resolve("codec-snappy.parquet");
        try (InputStream in = ColumnNamesTest.class.getResourceAsStream("codec-snappy.parquet")) {
            Files.copy(in, file);
        }
        agrees(file);
        // Found by content too, whatever the extension.
        Path renamed = Files.copy(file, dir.resolve("snapshot.data"));
        assertThat(SnapshotReaders.columnNames(renamed)).isEqualTo(SnapshotReaders.read(file).names());
    }

    @Test
    void onlyTheHeaderIsRead() throws IOException, UnreadableInputException {
        // A broken row far down: the whole read refuses the file, the column list does not look there.
        Path file = write("broken-later.csv", "id,colour,amount\n" + rows(20_000, ",") + "1,2\n");
        assertThatThrownBy(() -> SnapshotReaders.read(file)).isInstanceOf(UnreadableInputException.class);
        assertThat(SnapshotReaders.columnNames(file)).containsExactly("id", "colour", "amount");
    }

    @Test
    void aBadHeaderGetsTheWholeReadsOneLineMessage() throws IOException {
        for (Path file : List.of(write("empty.csv", ""), write("twice.csv", "id,amount,id\n1,2,3\n"),
                write("unnamed.csv", "id,,amount\n1,2,3\n"), write("binary.csv", new byte[] {0, 1, 2, 3, 0, 0, 5, 6, 7, 0}))) {
            String whole = message(() -> SnapshotReaders.read(file));
            String header = message(() -> SnapshotReaders.columnNames(file));
            assertThat(header).as(file.getFileName().toString()).isEqualTo(whole).doesNotContain("\n");
        }
    }

    private interface Read {
        Object run() throws UnreadableInputException;
    }

    private static String message(Read read) {
        try {
            read.run();
        } catch (UnreadableInputException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error");
    }
}
