package org.modellens.app.ui;

import java.util.function.Predicate;

import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.modellens.checks.Finding;

/**
 * A finding in a list: its severity as a coloured badge, its plain title, and check and column below,
 * the column marked when the model reads it.
 */
public final class FindingCell extends ListCell<Finding> {

    /** One line of title and one of check and column: a fixed height keeps long lists fast and steady. */
    public static final double HEIGHT = 50;

    private final Label badge = new Label();
    private final Label title = new Label();
    private final Label meta = new Label();
    private final Label modelInput = Views.modelInputMark();
    private final Predicate<String> isModelInput;
    private final HBox box;

    /** @param isModelInput whether a column is one the model reads */
    public FindingCell(Predicate<String> isModelInput) {
        this.isModelInput = isModelInput;
        badge.getStyleClass().add(Styles.BADGE);
        title.getStyleClass().add(Styles.FINDING_TITLE);
        title.setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
        meta.getStyleClass().add(Styles.FINDING_META);
        meta.setMinWidth(0);
        HBox metaLine = new HBox(8, meta, modelInput);
        metaLine.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox text = new VBox(2, title, metaLine);
        box = new HBox(10, Views.badgeSlot(badge), text);
        box.getStyleClass().add(Styles.FINDING_CELL);
        text.setMinWidth(0);
        // Fit the list's width (long titles end in an ellipsis, the full title in the tooltip) instead of scrolling sideways.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Finding finding, boolean empty) {
        super.updateItem(finding, empty);
        if (empty || finding == null) {
            setGraphic(null);
            setText(null);
            setTooltip(null);
            return;
        }
        badge.setText(finding.severity().jsonName().toUpperCase(java.util.Locale.ROOT));
        badge.getStyleClass().removeIf(s -> s.startsWith("severity-"));
        badge.getStyleClass().add(Styles.severity(finding.severity()));
        title.setText(finding.title());
        meta.setText(finding.feature() == null ? finding.check() : finding.check() + "  \u00b7  " + finding.feature());
        boolean input = isModelInput.test(finding.feature());
        modelInput.setVisible(input);
        modelInput.setManaged(input);
        setText(null);
        setTooltip(Views.tooltip(finding.title()));
        setGraphic(box);
    }
}
