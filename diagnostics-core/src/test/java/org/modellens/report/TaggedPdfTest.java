package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFMarkedContentExtractor;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.modellens.text.Numbers;

/**
 * The PDF is tagged: read back, its structure tree holds the document's headings, paragraphs, tables
 * and charts in reading order, every chart is a Figure with alternative text that states its numbers,
 * and every mark on a page belongs to an element or is an artifact. Poppler's {@code pdfinfo} says
 * "Tagged: yes" where it is installed.
 */
class TaggedPdfTest {

    @TempDir
    Path dir;

    /** What a reader of the structure sees: elements in tree order, each with the text of its own content. */
    private record Element(String type, String alt, String text) {
    }

    private record Read(List<Element> elements, List<String> bookmarks, PDDocumentCatalog catalog, String title) {

        List<Element> of(String type) {
            return elements.stream().filter(e -> e.type().equals(type)).toList();
        }
    }

    private static Read read(PDDocument document) throws IOException {
        // The text of every marked-content sequence, by page and MCID.
        List<Map<Integer, String>> textByMcid = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            PDFMarkedContentExtractor extractor = new PDFMarkedContentExtractor();
            extractor.processPage(page);
            Map<Integer, String> texts = new HashMap<>();
            for (PDMarkedContent content : extractor.getMarkedContents()) {
                collect(content, texts);
            }
            textByMcid.add(texts);
        }
        List<Element> elements = new ArrayList<>();
        PDStructureNode root = document.getDocumentCatalog().getStructureTreeRoot();
        walk(document, root, textByMcid, elements);
        List<String> bookmarks = new ArrayList<>();
        for (PDOutlineItem item : document.getDocumentCatalog().getDocumentOutline().children()) {
            bookmarks.add(item.getTitle());
        }
        return new Read(elements, bookmarks, document.getDocumentCatalog(), document.getDocumentInformation().getTitle());
    }

    private static void collect(PDMarkedContent content, Map<Integer, String> texts) {
        StringBuilder text = new StringBuilder();
        for (Object part : content.getContents()) {
            if (part instanceof TextPosition position) {
                text.append(position.getUnicode());
            } else if (part instanceof PDMarkedContent nested) {
                collect(nested, texts);
            }
        }
        if (content.getMCID() >= 0) {
            texts.merge(content.getMCID(), text.toString(), String::concat);
        }
    }

    private static void walk(PDDocument document, PDStructureNode node, List<Map<Integer, String>> textByMcid,
                             List<Element> out) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                StringBuilder text = new StringBuilder();
                for (Object part : element.getKids()) {
                    if (part instanceof PDMarkedContentReference reference) {
                        int page = document.getPages().indexOf(reference.getPage());
                        text.append(textByMcid.get(page).getOrDefault(reference.getMCID(), ""));
                    }
                }
                // A header wrapped over lines says its words once whole, as ActualText.
                out.add(new Element(element.getStructureType(), element.getAlternateDescription(),
                        element.getActualText() != null ? element.getActualText() : text.toString()));
                walk(document, element, textByMcid, out);
            }
        }
    }

    private static byte[] pdf(DiagnosticReport report) {
        return ReportFixtures.pdf(report);
    }

    @Test
    void theDocumentIsTaggedWithItsLanguageAndTitle() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf(ReportFixtures.sampleDiagnosedWithModel()))) {
            Read read = read(document);
            assertThat(read.catalog().getMarkInfo()).isNotNull();
            assertThat(read.catalog().getMarkInfo().isMarked()).isTrue();
            assertThat(read.catalog().getLanguage()).isEqualTo("en");
            assertThat(read.catalog().getViewerPreferences().displayDocTitle()).as("the title bar shows the title").isTrue();
            assertThat(read.title()).startsWith(StakeholderText.get("report.title"));
            assertThat(read.elements().get(0).type()).isEqualTo("Document");
            assertThat(read.catalog().getStructureTreeRoot().getParentTree()).isNotNull();
        }
    }

    @Test
    void everyChartIsAFigureWhoseAlternativeTextStatesItsNumbers() throws IOException {
        DiagnosticReport report = ReportFixtures.sampleDiagnosedWithModel();
        try (PDDocument document = Loader.loadPDF(pdf(report))) {
            Read read = read(document);
            List<Element> figures = read.of("Figure");
            // Page 1's quality chart, one chart per cause that has a picture, ROC, calibration, importance, drift.
            assertThat(figures).hasSizeGreaterThanOrEqualTo(5);
            for (Element figure : figures) {
                assertThat(figure.alt()).as("alt text of the figure titled %s", figure.text()).isNotBlank();
            }
            // The chart titles are inside Figures, and never told as paragraphs of their own.
            String figureText = String.join("\n", figures.stream().map(Element::text).toList());
            for (String title : List.of("Model quality:", "ROC curve", "Calibration", "Importance: training vs production")) {
                assertThat(figureText).as("chart %s is a Figure", title).contains(title);
                assertThat(read.of("P")).as("chart title %s outside its Figure", title)
                        .noneMatch(p -> p.text().startsWith(title));
            }
            // The quality chart's alt text carries the production AUC the report holds.
            double auc = report.performance().metrics().get("auc").prod();
            assertThat(figures).anyMatch(f -> f.alt().contains("Model quality") && f.alt().contains(Numbers.number(auc)));
        }
    }

    @Test
    void headingsComeInReadingOrderAndNeverSkipALevel() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf(ReportFixtures.sampleDiagnosedWithModel()))) {
            Read read = read(document);
            List<Element> headings = read.elements().stream().filter(e -> e.type().matches("H[1-6]")).toList();
            assertThat(headings.get(0).type()).isEqualTo("H1");
            assertThat(headings.get(0).text()).isEqualTo(StakeholderText.get("report.title"));
            int level = 0;
            for (Element heading : headings) {
                int next = heading.type().charAt(1) - '0';
                assertThat(next).as("heading %s after level %d", heading.text(), level).isLessThanOrEqualTo(level + 1);
                level = next;
                assertThat(heading.text()).isNotBlank();
            }
            // The reader's outline lists the section headings, in the order the structure has them.
            List<String> headingTexts = headings.stream().map(Element::text).toList();
            int from = 0;
            for (String bookmark : read.bookmarks()) {
                int at = headingTexts.subList(from, headingTexts.size()).indexOf(bookmark);
                assertThat(at).as("bookmark %s is a heading after the previous one; headings %s", bookmark, headingTexts)
                        .isNotNegative();
                from += at + 1;
            }
            for (String section : List.of("section.findings", "section.model", "section.explanations", "section.appendix")) {
                assertThat(read.of("H1")).extracting(Element::text).contains(StakeholderText.get(section));
            }
        }
    }

    @Test
    void tablesHaveHeaderCellsAndDataCells() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf(ReportFixtures.sampleDiagnosedWithModel()))) {
            Read read = read(document);
            assertThat(read.of("Table")).isNotEmpty();
            assertThat(read.of("TH")).extracting(Element::text).contains("Column", "KS distance", "PSI", "Metric");
            assertThat(read.of("TD")).extracting(Element::text).contains("interest_rate");
        }
    }

    private static DiagnosticReport withTimeline;

    /** The sample case with its model, reference and time column: every kind of page and chart the PDF has. */
    private static synchronized DiagnosticReport withTimeline() throws Exception {
        if (withTimeline == null) {
            withTimeline = org.modellens.Diagnosis.run(new org.modellens.DiagnosisRequest(ReportFixtures.SAMPLE_TRAIN,
                    ReportFixtures.SAMPLE_PROD, "defaulted", "auto", Set.of(), Set.of(), org.modellens.settings.Settings.defaults(),
                    Path.of("../sample-data/case/model.json"), List.of(), org.modellens.explain.ExplainRows.first(20),
                    Path.of("../sample-data/case/reference.csv"), "application_date", null), org.modellens.ProgressListener.NONE);
        }
        return withTimeline;
    }

    @Test
    void theTimelinesChartsAreFiguresToo() throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf(withTimeline()))) {
            Read read = read(document);
            assertThat(read.of("H1")).extracting(Element::text).contains(StakeholderText.get("section.timeline"));
            assertThat(read.of("Figure")).extracting(Element::alt)
                    .anyMatch(alt -> alt.startsWith("Grid. " + StakeholderText.get("timeline.grid")))
                    .anyMatch(alt -> alt.startsWith("Line chart.") && alt.contains("2025-"));
            assertMarksBelong(document);
        }
    }

    /** Every text and every painted path is inside a tagged sequence owned by its element, or an artifact. */
    @Test
    void everyMarkBelongsToAnElementOrIsAnArtifact() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf(ReportFixtures.sampleDiagnosedWithModel()))) {
            assertMarksBelong(document);
        }
    }

    private static void assertMarksBelong(PDDocument document) throws IOException {
        {
            COSDictionary parentTree = document.getDocumentCatalog().getStructureTreeRoot().getParentTree().getCOSObject();
            Map<Integer, COSArray> owners = new HashMap<>();
            COSArray nums = parentTree.getCOSArray(COSName.NUMS);
            for (int i = 0; i < nums.size(); i += 2) {
                owners.put(((org.apache.pdfbox.cos.COSInteger) nums.getObject(i)).intValue(), (COSArray) nums.getObject(i + 1));
            }
            Set<String> painting = Set.of("f", "F", "f*", "S", "s", "B", "B*", "b", "b*");
            Set<String> showing = Set.of("Tj", "TJ", "'", "\"");
            int pageIndex = 0;
            for (PDPage page : document.getPages()) {
                assertThat(page.getStructParents()).isEqualTo(pageIndex);
                COSArray pageOwners = owners.get(page.getStructParents());
                Deque<String> tags = new ArrayDeque<>();
                List<Object> operands = new ArrayList<>();
                PDFStreamParser parser = new PDFStreamParser(page);
                for (Object token = parser.parseNextToken(); token != null; token = parser.parseNextToken()) {
                    if (!(token instanceof Operator operator)) {
                        operands.add(token);
                        continue;
                    }
                    String name = operator.getName();
                    if (name.equals("BDC") || name.equals("BMC")) {
                        String tag = ((COSName) operands.get(0)).getName();
                        tags.push(tag);
                        if (name.equals("BDC") && operands.get(1) instanceof COSDictionary properties) {
                            int mcid = properties.getInt(COSName.MCID);
                            COSBase owner = pageOwners.getObject(mcid);
                            assertThat(((COSDictionary) owner).getNameAsString(COSName.S))
                                    .as("page %d MCID %d: the parent tree names the element of its tag", pageIndex + 1, mcid)
                                    .isEqualTo(tag);
                        }
                    } else if (name.equals("EMC")) {
                        tags.pop();
                    } else if (painting.contains(name)) {
                        assertThat(tags).as("page %d: a path painted outside a Figure or artifact", pageIndex + 1)
                                .containsAnyOf("Figure", "Artifact");
                    } else if (showing.contains(name)) {
                        assertThat(tags).as("page %d: text outside any element", pageIndex + 1).isNotEmpty();
                    }
                    operands.clear();
                }
                assertThat(tags).as("page %d: every sequence is closed", pageIndex + 1).isEmpty();
                pageIndex++;
            }
        }
    }

    @Test
    void textExtractionStillReadsTheReport() throws IOException {
        String text;
        try (PDDocument document = Loader.loadPDF(pdf(ReportFixtures.sampleDiagnosedWithModel()))) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        assertThat(text).contains(StakeholderText.get("report.title"), "collections_flag", "interest_rate");
    }

    /**
     * The glyphs themselves are never "fi"/"fl" ligatures: PDFBox's text stripper folds a ligature back to two
     * letters, so this reads the glyphs' own Unicode, as a reader's copy does.
     */
    @Test
    void noGlyphIsALigature() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf(ReportFixtures.sampleDiagnosedWithModel()))) {
            String all = String.join("\n", read(document).elements().stream().map(Element::text).toList());
            assertThat(all).contains("collections_flag", "first").doesNotContain("\uFB01", "\uFB02");
        }
    }

    @Test
    void popplerSaysTagged() throws Exception {
        Path pdfinfo = Path.of("/usr/bin/pdfinfo");
        Assumptions.assumeTrue(Files.isExecutable(pdfinfo), "poppler's pdfinfo is not installed");
        Path file = dir.resolve("report.pdf");
        Files.write(file, pdf(ReportFixtures.sampleDiagnosedWithModel()));
        Process process = new ProcessBuilder(pdfinfo.toString(), file.toString()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).containsPattern("Tagged:\\s+yes");
        assertThat(out).containsPattern("Title:\\s+" + StakeholderText.get("report.title"));
    }
}
