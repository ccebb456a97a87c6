package org.modellens.app.ui.overview;

import java.util.Locale;
import java.util.function.Predicate;

import javafx.beans.binding.DoubleBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.modellens.app.ui.Styles;
import org.modellens.app.ui.Text;
import org.modellens.app.ui.Views;
import org.modellens.checks.Severity;

/**
 * A cause (severity, rank, title, what it is about, what it costs) or one of its findings in the
 * causes tree. Titles wrap onto more lines: a cause's title is never cut short.
 */
final class CauseCell extends TreeCell<CauseEntry> {

    /** Room the tree takes beside the text: disclosure arrow, indentation, badge, gaps, scroll bar. */
    private static final double CAUSE_INSET = 150;
    private static final double FINDING_INSET = 170;

    private final Predicate<String> isModelInput;
    private final Label badge = new Label();
    private final Label rank = new Label();
    private final Label title = new Label();
    private final Label subject = new Label();
    private final Label mark = Views.modelInputMark();
    private final Label impact = new Label();
    private final HBox causeBox;
    private final Label findingTitle = new Label();
    private final Label findingMeta = new Label();
    private final Label findingMark = Views.modelInputMark();
    private final Label findingBadge = new Label();
    private final HBox findingBox;

    CauseCell(TreeView<CauseEntry> tree, Predicate<String> isModelInput) {
        this.isModelInput = isModelInput;
        DoubleBinding causeWidth = tree.widthProperty().subtract(CAUSE_INSET);
        DoubleBinding findingWidth = tree.widthProperty().subtract(FINDING_INSET);
        badge.getStyleClass().add(Styles.BADGE);
        findingBadge.getStyleClass().add(Styles.BADGE);
        rank.getStyleClass().add(Styles.CAUSE_RANK);
        rank.setMinWidth(Region.USE_PREF_SIZE);
        title.getStyleClass().add(Styles.FINDING_TITLE);
        impact.getStyleClass().add(Styles.CAUSE_IMPACT);
        subject.getStyleClass().add(Styles.FINDING_META);
        for (Label wrapped : new Label[] {title, impact}) {
            wrapped.setWrapText(true);
            wrapped.setMinHeight(Region.USE_PREF_SIZE);
            wrapped.prefWidthProperty().bind(causeWidth);
            wrapped.maxWidthProperty().bind(causeWidth);
        }
        HBox subjectLine = new HBox(8, subject, mark);
        subjectLine.setAlignment(Pos.CENTER_LEFT);
        VBox causeText = new VBox(3, title, subjectLine, impact);
        HBox lead = new HBox(6, Views.badgeSlot(badge), rank);
        lead.setAlignment(Pos.TOP_LEFT);
        lead.setMinWidth(Region.USE_PREF_SIZE);
        causeBox = new HBox(8, lead, causeText);
        causeBox.getStyleClass().add(Styles.FINDING_CELL);

        findingTitle.getStyleClass().add(Styles.FINDING_TITLE);
        findingTitle.setWrapText(true);
        findingTitle.setMinHeight(Region.USE_PREF_SIZE);
        findingTitle.prefWidthProperty().bind(findingWidth);
        findingTitle.maxWidthProperty().bind(findingWidth);
        findingMeta.getStyleClass().add(Styles.FINDING_META);
        HBox metaLine = new HBox(8, findingMeta, findingMark);
        metaLine.setAlignment(Pos.CENTER_LEFT);
        findingBox = new HBox(8, Views.badgeSlot(findingBadge), new VBox(2, findingTitle, metaLine));
        findingBox.getStyleClass().add(Styles.FINDING_CELL);
        // Fit the tree's width (titles wrap) instead of scrolling sideways.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(CauseEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        setText(null);
        if (empty || entry == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        if (entry.finding() == null) {
            CauseRow cause = entry.cause();
            severity(badge, cause.severity());
            rank.setText(Text.get("overview.cause.rank", cause.rank()));
            title.setText(cause.title());
            subject.setText(cause.subject());
            show(mark, cause.modelInput());
            impact.setText(cause.impact());
            show(impact, !cause.impact().isEmpty());
            setTooltip(Views.tooltip(cause.title()));
            setGraphic(causeBox);
        } else {
            severity(findingBadge, entry.finding().severity());
            findingTitle.setText(entry.finding().title());
            findingMeta.setText(entry.finding().feature() == null ? entry.finding().check()
                    : entry.finding().check() + "  \u00b7  " + entry.finding().feature());
            show(findingMark, isModelInput.test(entry.finding().feature()));
            setTooltip(Views.tooltip(entry.finding().title()));
            setGraphic(findingBox);
        }
    }

    private static void severity(Label label, Severity severity) {
        label.setText(severity.jsonName().toUpperCase(Locale.ROOT));
        label.getStyleClass().removeIf(s -> s.startsWith("severity-"));
        label.getStyleClass().add(Styles.severity(severity));
    }

    private static void show(Label label, boolean shown) {
        label.setVisible(shown);
        label.setManaged(shown);
    }
}
