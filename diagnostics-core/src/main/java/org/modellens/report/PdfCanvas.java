package org.modellens.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * A flowing A4 document on top of PDFBox: a cursor that moves down the page, wrapped text, tables
 * and page breaks. Text is drawn with the bundled DejaVu Sans, embedded as a subset, so every glyph
 * (é, ×, ≥, €) renders on any reader; a character the font lacks prints as '?', never fails the export.
 *
 * <p>The document is tagged (PDF 1.7 logical structure, read by screen readers and by "reflow"): a
 * Document element holds headings (H1, H2), paragraphs (P), tables (Table, TR, TH, TD) and charts
 * (Figure, with alternative text saying what the chart shows). Every piece of content is either in a
 * marked-content sequence owned by one of those elements or marked as an Artifact (rules, bands,
 * repeated table headers, page furniture). Text drawn outside any element becomes a paragraph of its
 * own; lines and fills outside a Figure are artifacts.
 */
final class PdfCanvas implements AutoCloseable {

    static final float PAGE_WIDTH = PDRectangle.A4.getWidth();
    static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    static final float MARGIN = 50;
    static final float TOP = PAGE_HEIGHT - 55;
    static final float BOTTOM = 60;
    static final float WIDTH = PAGE_WIDTH - 2 * MARGIN;

    /** Colours, RGB 0..1. */
    static final float[] INK = {0.13f, 0.16f, 0.20f};
    static final float[] MUTED = {0.36f, 0.40f, 0.45f};
    static final float[] RULE = {0.80f, 0.82f, 0.85f};
    static final float[] TRAIN = {0.27f, 0.45f, 0.70f};
    static final float[] PROD = {0.90f, 0.50f, 0.10f};
    static final float[] FAIL = {0.75f, 0.17f, 0.15f};
    static final float[] WARN = {0.85f, 0.55f, 0.00f};
    static final float[] PASS = {0.18f, 0.55f, 0.27f};
    static final float[] INFO = {0.45f, 0.52f, 0.60f};
    static final float[] BAND = {0.95f, 0.96f, 0.97f};
    /** The band of normal chunks behind a trend line: darker than BAND, lighter than RULE. */
    static final float[] BAND_SHADE = {0.88f, 0.91f, 0.94f};

    final PDDocument document;
    final PDType0Font regular;
    final PDType0Font bold;
    private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new HashMap<>();
    private PDPageContentStream stream;
    private float y;

    // ------------------------------------------------------------ structure (tagged PDF)
    private final PDStructureTreeRoot structure = new PDStructureTreeRoot();
    private final Deque<PDStructureElement> containers = new ArrayDeque<>();
    /** Per page (by index), the element owning each marked-content id: the parent tree readers use. */
    private final Map<Integer, COSArray> owners = new TreeMap<>();
    private PDPage page;
    /** The element content is drawn into now, or {@code null}. */
    private PDStructureElement leaf;
    /** Whether a marked-content sequence of {@link #leaf} is open on the current page. */
    private boolean sequenceOpen;
    /** Text drawn now is page furniture (a table header repeated after a break), not content. */
    private boolean artifactText;
    private int nextMcid;

    PdfCanvas() throws IOException {
        document = new PDDocument();
        regular = font("fonts/DejaVuSans.ttf");
        bold = font("fonts/DejaVuSans-Bold.ttf");
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setStructureTreeRoot(structure);
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        catalog.setMarkInfo(mark);
        catalog.setLanguage("en");
        PDViewerPreferences viewer = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        // The title bar shows the document's title, not its file name.
        viewer.setDisplayDocTitle(true);
        catalog.setViewerPreferences(viewer);
        PDStructureElement root = new PDStructureElement("Document", structure);
        root.setLanguage("en");
        structure.appendKid(root);
        containers.push(root);
    }

    private PDType0Font font(String resource) throws IOException {
        try (InputStream in = PdfCanvas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font resource missing: " + resource);
            }
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            // No glyph substitution: PDFBox would set "fi" and "fl" as ligatures, and copy or search would then
            // find "collections_\uFB02ag", not collections_flag.
            ttf.setEnableGsub(false);
            document.registerTrueTypeFontForClosing(ttf);
            return PDType0Font.load(document, ttf, true);
        }
    }

    /** The content stream for drawing a path by hand: marked like {@link #line} (Figure content or an artifact). */
    PDPageContentStream graphics() throws IOException {
        markGraphics();
        return stream;
    }

    /** Ends a path drawn through {@link #graphics()}. */
    void endGraphics() throws IOException {
        unmarkGraphics();
    }

    // ------------------------------------------------------------ structure

    /** A new structure element of {@code type} under the current container (Document, Table, TR...). */
    PDStructureElement element(String type) {
        PDStructureElement parent = containers.peek();
        PDStructureElement element = new PDStructureElement(type, parent);
        if (page != null) {
            element.setPage(page);
        }
        parent.appendKid(element);
        return element;
    }

    /** Opens a container element: the elements made until {@link #endContainer()} are its children. */
    PDStructureElement beginContainer(String type) throws IOException {
        endLeaf();
        PDStructureElement element = element(type);
        containers.push(element);
        return element;
    }

    void endContainer() throws IOException {
        endLeaf();
        if (containers.size() > 1) {
            containers.pop();
        }
    }

    /** Starts an element whose content is what is drawn until {@link #endLeaf()}. */
    PDStructureElement begin(String type) throws IOException {
        endLeaf();
        leaf = element(type);
        return leaf;
    }

    /** Starts a Figure: a chart, with the alternative text a screen reader speaks for it. */
    void beginFigure(String alternativeText) throws IOException {
        begin("Figure").setAlternateDescription(alternativeText);
    }

    void endLeaf() throws IOException {
        closeSequence();
        leaf = null;
    }

    /** Opens the current element's marked-content sequence on this page, if not open yet. */
    private void openSequence() throws IOException {
        if (sequenceOpen || leaf == null) {
            return;
        }
        int mcid = nextMcid++;
        stream.beginMarkedContent(COSName.getPDFName(leaf.getStructureType()), mcid);
        PDMarkedContentReference reference = new PDMarkedContentReference();
        reference.setPage(page);
        reference.setMCID(mcid);
        leaf.appendKid(reference);
        if (leaf.getPage() == null) {
            leaf.setPage(page);
        }
        COSArray pageOwners = owners.computeIfAbsent(document.getNumberOfPages() - 1, k -> new COSArray());
        pageOwners.add(leaf);
        sequenceOpen = true;
    }

    private void closeSequence() throws IOException {
        if (sequenceOpen) {
            stream.endMarkedContent();
            sequenceOpen = false;
        }
    }

    private boolean inFigure() {
        return leaf != null && "Figure".equals(leaf.getStructureType());
    }

    /** Before painting lines or fills: inside a Figure they are its content, anywhere else decoration. */
    private void markGraphics() throws IOException {
        if (inFigure()) {
            openSequence();
        } else {
            closeSequence();
            stream.beginMarkedContent(COSName.ARTIFACT);
        }
    }

    private void unmarkGraphics() throws IOException {
        if (!inFigure()) {
            stream.endMarkedContent();
        }
    }

    /** The parent tree and the page keys, once every page is drawn. */
    private void finishStructure() {
        Map<Integer, PDParentTreeValue> numbers = new TreeMap<>();
        owners.forEach((index, array) -> numbers.put(index, new PDParentTreeValue(array)));
        PDNumberTreeNode parentTree = new PDNumberTreeNode(PDParentTreeValue.class);
        parentTree.setNumbers(numbers);
        structure.setParentTree(parentTree);
        structure.setParentTreeNextKey(document.getNumberOfPages());
    }

    /** The heading level of a heading of this size: the report's sections are H1, everything under them H2. */
    static String headingType(float size) {
        return size >= 16 ? "H1" : "H2";
    }

    float y() {
        return y;
    }

    void moveDown(float amount) {
        y -= amount;
    }

    void newPage() throws IOException {
        if (stream != null) {
            // An element broken by the page goes on with a new sequence on the next page.
            closeSequence();
            stream.close();
        }
        page = new PDPage(PDRectangle.A4);
        page.setStructParents(document.getNumberOfPages());
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        nextMcid = 0;
        y = TOP;
    }

    /** Starts a new page unless {@code height} points still fit above the bottom margin. */
    void ensure(float height) throws IOException {
        if (y - height < BOTTOM) {
            newPage();
        }
    }

    // ------------------------------------------------------------ text

    /** The text with characters the font cannot draw replaced: control characters by spaces, others by '?'. */
    String printable(PDType0Font font, String text) {
        if (text == null) {
            return "";
        }
        Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp)) {
                safe.append(' ');
            } else if (known.computeIfAbsent(cp, c -> canEncode(font, c))) {
                safe.appendCodePoint(cp);
            } else {
                safe.append('?');
            }
        });
        return safe.toString();
    }

    private static boolean canEncode(PDType0Font font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    float width(PDType0Font font, float size, String text) {
        try {
            return font.getStringWidth(printable(font, text)) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Draws one line of text with its baseline at {@code baseline}. */
    void text(PDType0Font font, float size, float[] colour, float x, float baseline, String text) throws IOException {
        if (artifactText) {
            closeSequence();
            stream.beginMarkedContent(COSName.ARTIFACT);
            drawText(font, size, colour, x, baseline, text);
            stream.endMarkedContent();
        } else if (leaf == null) {
            // Text outside any element is a paragraph of its own.
            begin("P");
            openSequence();
            drawText(font, size, colour, x, baseline, text);
            endLeaf();
        } else {
            openSequence();
            drawText(font, size, colour, x, baseline, text);
        }
    }

    private void drawText(PDType0Font font, float size, float[] colour, float x, float baseline, String text) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.setNonStrokingColor(colour[0], colour[1], colour[2]);
        stream.newLineAtOffset(x, baseline);
        stream.showText(printable(font, text));
        stream.endText();
    }

    void textRight(PDType0Font font, float size, float[] colour, float right, float baseline, String text) throws IOException {
        text(font, size, colour, right - width(font, size, text), baseline, text);
    }

    /** Splits text into lines no wider than {@code width}, breaking at spaces (or inside a word too long for a line). */
    List<String> wrap(PDType0Font font, float size, float width, String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : printable(font, text).split(" ")) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (width(font, size, word) > width) {
                int cut = fittingPrefix(font, size, width, word);
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    /** The length of the longest prefix of {@code word} that fits {@code width} (at least 1), by bisection. */
    private int fittingPrefix(PDType0Font font, float size, float width, String word) {
        int fits = 1;
        int tooLong = word.length();
        while (tooLong - fits > 1) {
            int middle = (fits + tooLong) >>> 1;
            if (width(font, size, word.substring(0, middle)) <= width) {
                fits = middle;
            } else {
                tooLong = middle;
            }
        }
        return fits;
    }

    /** A wrapped paragraph at the cursor, moving it down; breaks pages between lines. */
    void paragraph(PDType0Font font, float size, float[] colour, float indent, String text) throws IOException {
        float leading = size * 1.35f;
        begin("P");
        for (String line : wrap(font, size, WIDTH - indent, text)) {
            ensure(leading);
            y -= leading;
            text(font, size, colour, MARGIN + indent, y + size * 0.3f, line);
        }
        endLeaf();
    }

    /** A numbered or bulleted item: the marker in the margin, the text wrapped beside it. */
    void item(String marker, PDType0Font font, float size, String text) throws IOException {
        float leading = size * 1.35f;
        List<String> lines = wrap(font, size, WIDTH - 18, text);
        ensure(leading * Math.min(lines.size(), 3));
        begin("P");
        boolean first = true;
        for (String line : lines) {
            ensure(leading);
            y -= leading;
            if (first) {
                text(bold, size, INK, MARGIN, y + size * 0.3f, marker);
                first = false;
            }
            text(font, size, INK, MARGIN + 18, y + size * 0.3f, line);
        }
        endLeaf();
    }

    void heading(String text, float size) throws IOException {
        ensure(size * 3.2f);
        y -= size * 1.6f;
        begin(headingType(size));
        text(bold, size, INK, MARGIN, y, text);
        endLeaf();
        if (size >= SECTION_SIZE) {
            bookmark(text);
        }
        y -= size * 0.6f;
    }

    /** Headings at least this large are sections: each gets a bookmark in the reader's outline. */
    static final float SECTION_SIZE = 12;

    /** A bookmark to the current page at the current height, in the document's outline. */
    void bookmark(String title) {
        org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline outline =
                document.getDocumentCatalog().getDocumentOutline();
        if (outline == null) {
            outline = new org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline();
            document.getDocumentCatalog().setDocumentOutline(outline);
        }
        org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination destination =
                new org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination();
        destination.setPage(document.getPage(document.getNumberOfPages() - 1));
        destination.setTop((int) (y + 20));
        org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem item =
                new org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem();
        item.setTitle(title);
        item.setDestination(destination);
        outline.addLast(item);
    }

    void rule() throws IOException {
        line(RULE, 0.6f, MARGIN, y, MARGIN + WIDTH, y);
    }

    void fillRect(float[] colour, float x, float bottom, float width, float height) throws IOException {
        markGraphics();
        stream.setNonStrokingColor(colour[0], colour[1], colour[2]);
        stream.addRect(x, bottom, width, height);
        stream.fill();
        unmarkGraphics();
    }

    void line(float[] colour, float width, float x1, float y1, float x2, float y2) throws IOException {
        markGraphics();
        stream.setStrokingColor(colour[0], colour[1], colour[2]);
        stream.setLineWidth(width);
        stream.moveTo(x1, y1);
        stream.lineTo(x2, y2);
        stream.stroke();
        unmarkGraphics();
    }

    // ------------------------------------------------------------ tables

    /**
     * A table at the cursor: a header row, then one row per entry, zebra-banded; the header repeats
     * after a page break. Columns after the first are right-aligned (they hold numbers).
     */
    void table(List<String> headers, float[] widths, List<List<String>> rows, float size) throws IOException {
        table(headers, widths, rows, size, true);
    }

    /** A table; with {@code numbers} false every column is left-aligned text. */
    void table(List<String> headers, float[] widths, List<List<String>> rows, float size, boolean numbers) throws IOException {
        float rowHeight = size * 1.7f;
        float headerHeight = headerHeight(headers, widths, size);
        ensure(headerHeight + rowHeight * Math.min(rows.size(), 3));
        beginContainer("Table");
        tableHeader(headers, widths, size, headerHeight, numbers);
        int index = 0;
        for (List<String> row : rows) {
            if (y - rowHeight < BOTTOM) {
                newPage();
                // The header again for the eye; the structure has it once.
                artifactText = true;
                tableHeader(headers, widths, size, headerHeight, numbers);
                artifactText = false;
            }
            y -= rowHeight;
            if (index++ % 2 == 1) {
                fillRect(BAND, MARGIN, y, sum(widths), rowHeight);
            }
            beginContainer("TR");
            float x = MARGIN;
            for (int c = 0; c < row.size() && c < widths.length; c++) {
                String cell = clip(regular, size, widths[c] - 6, row.get(c));
                float baseline = y + rowHeight * 0.32f;
                begin("TD");
                if (c == 0 || !numbers) {
                    text(regular, size, INK, x + 3, baseline, cell);
                } else {
                    textRight(regular, size, INK, x + widths[c] - 3, baseline, cell);
                }
                endLeaf();
                x += widths[c];
            }
            endContainer();
        }
        endContainer();
        y -= size;
    }

    private float headerHeight(List<String> headers, float[] widths, float size) {
        int lines = 1;
        for (int c = 0; c < headers.size(); c++) {
            lines = Math.max(lines, wrap(bold, size, widths[c] - 6, headers.get(c)).size());
        }
        return lines * size * 1.25f + size * 0.8f;
    }

    private void tableHeader(List<String> headers, float[] widths, float size, float height, boolean numbers) throws IOException {
        y -= height;
        line(INK, 0.8f, MARGIN, y, MARGIN + sum(widths), y);
        if (!artifactText) {
            beginContainer("TR");
        }
        float x = MARGIN;
        for (int c = 0; c < headers.size(); c++) {
            List<String> lines = wrap(bold, size, widths[c] - 6, headers.get(c));
            if (!artifactText) {
                // A header wrapped over lines is read as its words, not as the lines run together.
                PDStructureElement header = begin("TH");
                if (lines.size() > 1) {
                    header.setActualText(headers.get(c));
                }
            }
            float baseline = y + size * 0.5f + (lines.size() - 1) * size * 1.25f;
            for (String line : lines) {
                if (c == 0 || !numbers) {
                    text(bold, size, INK, x + 3, baseline, line);
                } else {
                    textRight(bold, size, INK, x + widths[c] - 3, baseline, line);
                }
                baseline -= size * 1.25f;
            }
            if (!artifactText) {
                endLeaf();
            }
            x += widths[c];
        }
        if (!artifactText) {
            endContainer();
        }
    }

    /** Shortens text to fit a cell, marking the cut with an ellipsis. */
    String clip(PDType0Font font, float size, float width, String text) {
        String safe = printable(font, text);
        if (width(font, size, safe) <= width) {
            return safe;
        }
        return safe.substring(0, fittingPrefix(font, size, width - width(font, size, "…"), safe)) + "…";
    }

    private static float sum(float[] values) {
        float total = 0;
        for (float value : values) {
            total += value;
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        if (stream != null) {
            endLeaf();
            stream.close();
            stream = null;
            finishStructure();
        }
    }
}
