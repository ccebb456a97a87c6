package org.modellens.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17.6, text never cut off: every page of the sample case, in the window's opening size, shows
 * each label, badge, button, cell and table header whole, or keeps its full text in a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class TextFitUiTest {

    private final ExecutorService executor = WorkbenchApp.backgroundExecutor();
    private WorkbenchViewModel model;
    private Stage stage;

    @Start
    void start(Stage shown) {
        stage = shown;
        model = new WorkbenchViewModel(executor, new RecentProjects(null));
        WorkbenchApp.show(shown, model);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void noTextOnAnyPageOfTheSampleCaseIsCutShortWithoutItsFullTextAtHand(FxRobot robot) throws Exception {
        List<String> cut = new ArrayList<>(cutShort(robot, "start, nothing chosen"));
        robot.interact(() -> model.start().useSampleCase());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> model.start().readyProperty().get());
        cut.addAll(cutShort(robot, "start"));
        robot.interact(model::run);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.reportProperty().get() != null);
        for (ViewId page : ViewId.values()) {
            robot.interact(() -> model.open(page));
            cut.addAll(cutShort(robot, page.name()));
        }
        // The Overview's second list, and the Drift page on a categorical column, are pages of their own to a user.
        robot.interact(() -> {
            model.open(ViewId.OVERVIEW);
            robot.lookup("#overview-lists").queryAs(TabPane.class).getSelectionModel().select(1);
        });
        cut.addAll(cutShort(robot, "OVERVIEW, all findings"));
        robot.interact(() -> {
            model.selection().selectFeature("loan_purpose");
            model.open(ViewId.DRIFT);
        });
        cut.addAll(cutShort(robot, "DRIFT, categorical"));
        robot.clickOn("#drift-tab-all");
        cut.addAll(cutShort(robot, "DRIFT, all columns"));
        robot.clickOn("#drift-tab-one");
        // A long column name in headers that follow the selection (the row picker's contribution column).
        robot.interact(() -> {
            model.selection().selectFeature("num_open_accounts");
            model.open(ViewId.EXPLANATIONS);
        });
        cut.addAll(cutShort(robot, "EXPLANATIONS, num_open_accounts"));

        assertThat(cut).as("texts cut short with no tooltip holding them").isEmpty();
    }

    /** Every visible text on screen that shows less than its full text, which no tooltip on it or around it holds. */
    private List<String> cutShort(FxRobot robot, String page) {
        WaitForAsyncUtils.waitForFxEvents();
        List<String> found = new ArrayList<>();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            walk(stage.getScene().getRoot(), page, found);
        });
        return found;
    }

    private static void walk(Node node, String page, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            String shown = shownText(labeled);
            if (shown != null && !shown.equals(labeled.getText()) && !inTooltip(labeled, labeled.getText())) {
                found.add(page + ": " + labeled.getClass().getSimpleName() + " shows \"" + shown + "\" of \"" + labeled.getText() + "\"");
            }
        }
        // A turned label (a timeline's dates) needs room for its turned shape, else its ends are clipped away.
        if (node instanceof Labeled turned && turned.getRotate() != 0 && turned.getParent() != null
                && !contains(turned.getParent().getLayoutBounds(), turned.getBoundsInParent())) {
            found.add(page + ": the turned label \"" + turned.getText() + "\" reaches outside its parent");
        }
        if (node instanceof TextField field && (field.getText() == null || field.getText().isEmpty())
                && field.getPromptText() != null && !field.getPromptText().isEmpty()
                && promptWidth(field) > field.getWidth() - field.snappedLeftInset() - field.snappedRightInset()
                && !inTooltip(field, field.getPromptText())) {
            found.add(page + ": the prompt \"" + field.getPromptText() + "\" does not fit its field");
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> walk(child, page, found));
        }
    }

    private static boolean contains(javafx.geometry.Bounds outer, javafx.geometry.Bounds inner) {
        double slack = 0.5;
        return inner.getMinX() >= outer.getMinX() - slack && inner.getMinY() >= outer.getMinY() - slack
                && inner.getMaxX() <= outer.getMaxX() + slack && inner.getMaxY() <= outer.getMaxY() + slack;
    }

    private static double promptWidth(TextField field) {
        Text prompt = new Text(field.getPromptText());
        prompt.setFont(field.getFont());
        return prompt.getLayoutBounds().getWidth();
    }

    /** The text the skin draws (ellipsized or clipped when it does not fit), or {@code null} before the skin exists. */
    private static String shownText(Labeled labeled) {
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text text && child.getStyleClass().contains("text")) {
                return text.getText();
            }
        }
        return null;
    }

    /** Whether a tooltip on the node or on a control holding it (a list cell, a table cell) gives the full text. */
    private static boolean inTooltip(Node node, String full) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at instanceof Control control) {
                Tooltip tooltip = control.getTooltip();
                if (tooltip != null && tooltip.getText() != null && tooltip.getText().contains(full)) {
                    return true;
                }
            }
        }
        return false;
    }
}
