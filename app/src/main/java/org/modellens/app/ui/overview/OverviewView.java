package org.modellens.app.ui.overview;

import java.util.Map;
import java.util.Objects;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import org.modellens.app.ui.FindingCell;
import org.modellens.app.ui.Formats;
import org.modellens.app.ui.NotesViewModel;
import org.modellens.app.ui.StatisticHelp;
import org.modellens.app.ui.StatisticRow;
import org.modellens.app.ui.Styles;
import org.modellens.app.ui.Text;
import org.modellens.app.ui.Views;
import org.modellens.checks.Finding;
import org.modellens.checks.Severity;

/**
 * The overview page, causes first: the verdict, the model's performance against its baseline and
 * what the damage costs; the ranked causes, each opening onto its findings, beside every finding
 * filtered by check and severity; the selected cause and finding in detail.
 */
public final class OverviewView extends BorderPane {

    private final OverviewViewModel model;
    private final ObservableList<StatisticRow> evidence = FXCollections.observableArrayList();
    private final TreeView<CauseEntry> causes = new TreeView<>(new TreeItem<>());
    private Finding noted;

    public OverviewView(OverviewViewModel model, NotesViewModel notes) {
        this.model = model;
        setId("overview-view");
        getStyleClass().add(Styles.PAGE);

        Label verdict = new Label();
        verdict.setId("verdict");
        verdict.setMinWidth(Region.USE_PREF_SIZE);
        verdict.textProperty().bind(Bindings.createStringBinding(
                () -> model.verdictProperty().get().isEmpty() ? "" : Text.get("overview.verdict." + model.verdictProperty().get()),
                model.verdictProperty()));
        verdict.getStyleClass().add(Styles.VERDICT);
        model.verdictProperty().addListener((obs, old, now) -> {
            verdict.getStyleClass().removeIf(s -> s.startsWith("verdict-"));
            verdict.getStyleClass().add("verdict-" + now);
        });
        Label verdictText = wrapped("verdict-text", model.verdictTextProperty());
        verdictText.getStyleClass().add("verdict-sentence");
        Label performance = wrapped("performance", model.performanceProperty());
        Label costs = wrapped("costs", model.costsProperty());
        costs.getStyleClass().add(Styles.MUTED);
        VBox headline = new VBox(4, verdictText, performance, costs);
        headline.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(headline, Priority.ALWAYS);
        HBox tiles = new HBox(12, verdict,
                tile(Severity.FAIL, model.failCountProperty()),
                tile(Severity.WARN, model.warnCountProperty()),
                tile(Severity.INFO, model.infoCountProperty()), headline);
        tiles.setAlignment(Pos.CENTER_LEFT);
        tiles.setFillHeight(false);

        Tab causesTab = new Tab();
        causesTab.setId("causes-tab");
        causesTab.textProperty().bind(Bindings.createStringBinding(() -> Text.get("overview.causes.tab", model.causes().size()),
                model.causes()));
        causesTab.setContent(causesList());
        Tab findingsTab = new Tab();
        findingsTab.setId("findings-tab");
        findingsTab.textProperty().bind(Bindings.createStringBinding(() -> Text.get("overview.findings.tab", model.findings().size()),
                model.findings()));
        findingsTab.setContent(findingsList());
        TabPane lists = new TabPane(causesTab, findingsTab);
        lists.setId("overview-lists");
        lists.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        lists.setMinWidth(360);

        SplitPane split = new SplitPane(lists, detail(notes));
        split.setDividerPositions(0.56);
        VBox content = new VBox(16, Views.title(Text.get("view.overview")), tiles, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        content.getStyleClass().add("page-content");
        setCenter(content);
    }

    /** The causes tree: one line per cause, its findings beneath it. */
    private VBox causesList() {
        causes.setId("causes");
        causes.setShowRoot(false);
        causes.setCellFactory(tree -> new CauseCell(tree, model::isModelInput));
        model.causes().addListener((ListChangeListener<CauseRow>) c -> fillCauses());
        fillCauses();
        causes.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now == null || now.getValue() == null) {
                return;
            }
            if (now.getValue().finding() == null) {
                model.selectCause(now.getValue().cause());
            } else {
                model.select(now.getValue().finding());
            }
        });
        model.selectedFindingProperty().addListener((obs, old, now) -> followSelection());
        model.selectedCauseProperty().addListener((obs, old, now) -> followSelection());
        Label none = Views.muted(Text.get("overview.causes.none"));
        causes.visibleProperty().bind(Bindings.isNotEmpty(model.causes()));
        causes.managedProperty().bind(causes.visibleProperty());
        none.visibleProperty().bind(causes.visibleProperty().not());
        none.managedProperty().bind(none.visibleProperty());
        VBox box = new VBox(8, Views.muted(Text.get("overview.causes.text")), causes, none);
        VBox.setVgrow(causes, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    private void fillCauses() {
        causes.getRoot().getChildren().clear();
        for (CauseRow cause : model.causes()) {
            TreeItem<CauseEntry> item = new TreeItem<>(new CauseEntry(cause, null));
            cause.findings().forEach(f -> item.getChildren().add(new TreeItem<>(new CauseEntry(cause, f))));
            causes.getRoot().getChildren().add(item);
        }
        followSelection();
    }

    /** Shows in the tree what is selected elsewhere: a cause's own line for its lead finding, else the finding's line. */
    private void followSelection() {
        CauseRow cause = model.selectedCauseProperty().get();
        Finding finding = model.selectedFindingProperty().get();
        TreeItem<CauseEntry> current = causes.getSelectionModel().getSelectedItem();
        if (current != null && current.getValue() != null && Objects.equals(current.getValue().cause(), cause)
                && (current.getValue().finding() == null ? Objects.equals(cause.lead(), finding)
                : Objects.equals(current.getValue().finding(), finding))) {
            return;
        }
        if (cause == null) {
            causes.getSelectionModel().clearSelection();
            return;
        }
        TreeItem<CauseEntry> target = null;
        for (TreeItem<CauseEntry> item : causes.getRoot().getChildren()) {
            boolean selected = item.getValue().cause().equals(cause);
            TreeItem<CauseEntry> child = !selected || finding == null || finding.equals(cause.lead()) ? null
                    : item.getChildren().stream().filter(f -> finding.equals(f.getValue().finding())).findFirst().orElse(null);
            // Only a cause whose finding is looked at stands open, so the ranking stays in view.
            item.setExpanded(child != null);
            if (selected) {
                target = child == null ? item : child;
            }
        }
        if (target != null) {
            causes.getSelectionModel().select(target);
            // After the layout pass: rows of wrapped text have their heights only then.
            TreeItem<CauseEntry> shown = target;
            javafx.application.Platform.runLater(() -> {
                int row = causes.getRow(shown);
                if (row >= 0) {
                    causes.scrollTo(Math.max(0, row - 1));
                }
            });
        }
    }

    /** Every finding, filtered by check and severity. */
    private VBox findingsList() {
        ComboBox<String> check = new ComboBox<>(model.checks());
        check.setId("check-filter");
        check.valueProperty().bindBidirectional(model.checkFilterProperty());
        check.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return id == null || id.isEmpty() ? Text.get("overview.filter.allChecks") : id;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        HBox filters = new HBox(10, new Label(Text.get("overview.filter.check")), check,
                severityBox(model, Severity.FAIL), severityBox(model, Severity.WARN), severityBox(model, Severity.INFO));
        filters.setAlignment(Pos.CENTER_LEFT);

        ListView<Finding> findings = new ListView<>(model.findings());
        findings.setId("findings");
        findings.setCellFactory(list -> new FindingCell(model::isModelInput));
        findings.setFixedCellSize(FindingCell.HEIGHT);
        findings.setPlaceholder(Views.muted(Text.get("overview.findings.none")));
        findings.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.select(now));
        model.selectedFindingProperty().addListener((obs, old, now) -> {
            if (now != null && findings.getItems().contains(now)) {
                findings.getSelectionModel().select(now);
                findings.scrollTo(now);
            } else if (now == null) {
                findings.getSelectionModel().clearSelection();
            }
        });
        VBox box = new VBox(10, filters, findings);
        VBox.setVgrow(findings, Priority.ALWAYS);
        box.getStyleClass().add("tab-body");
        return box;
    }

    /** The selected cause (what it costs, what to do) above the selected finding (what was measured, the user's note). */
    private VBox detail(NotesViewModel notes) {
        Label causeHeader = new Label();
        causeHeader.setId("cause-header");
        causeHeader.getStyleClass().add(Styles.FINDING_META);
        Label causeTitle = new Label();
        causeTitle.setId("cause-title");
        causeTitle.getStyleClass().add("detail-title");
        Label causeImpact = new Label();
        causeImpact.setId("cause-impact");
        Label causeTodo = new Label();
        causeTodo.setId("cause-todo");
        for (Label label : new Label[] {causeTitle, causeImpact, causeTodo}) {
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        Label causeMark = Views.modelInputMark();
        HBox causeLine = new HBox(8, causeHeader, causeMark);
        causeLine.setAlignment(Pos.CENTER_LEFT);
        VBox causeBox = new VBox(6, causeLine, causeTitle, causeImpact, causeTodo);
        causeBox.getStyleClass().add("cause-detail");
        model.selectedCauseProperty().addListener((obs, old, now) -> {
            causeBox.setVisible(now != null);
            causeBox.setManaged(now != null);
            if (now == null) {
                return;
            }
            causeHeader.setText(Text.get("overview.cause.header", now.rank(), model.causes().size(), now.subject()));
            causeMark.setVisible(now.modelInput());
            causeMark.setManaged(now.modelInput());
            causeTitle.setText(now.title());
            causeImpact.setText(now.impact().isEmpty() ? Text.get("overview.cause.impact.none") : now.impact());
            causeTodo.setText(Text.get("overview.cause.todo", now.whatToDo()));
        });
        causeBox.setVisible(false);
        causeBox.setManaged(false);

        Label title = new Label();
        title.setId("finding-title");
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        Label detail = new Label();
        detail.setId("finding-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        TableView<StatisticRow> evidenceTable = Views.statisticTable(evidence);
        evidenceTable.setMinHeight(120);
        TextArea note = new TextArea();
        note.setId("finding-note");
        note.setPromptText(Text.get("overview.note.prompt"));
        note.setWrapText(true);
        note.setPrefRowCount(3);
        note.setMinHeight(70);
        note.textProperty().addListener((obs, old, now) -> {
            if (noted != null) {
                notes.setNote(noted, now);
            }
        });
        model.selectedFindingProperty().addListener((obs, old, now) -> {
            noted = null;
            title.setText(now == null ? Text.get("overview.detail.none") : now.title());
            detail.setText(now == null ? "" : now.detail());
            evidence.clear();
            if (now != null) {
                Map<String, Double> settings = model.settings();
                now.evidence().forEach((name, value) -> evidence.add(new StatisticRow(StatisticHelp.label(name), Formats.evidence(value),
                        StatisticHelp.tooltip(now.check(), name, settings))));
            }
            note.setText(now == null ? "" : notes.note(now));
            note.setDisable(now == null);
            noted = now;
        });
        title.setText(Text.get("overview.detail.none"));
        note.setDisable(true);

        Label findingHeading = new Label(Text.get("overview.detail"));
        findingHeading.getStyleClass().add(Styles.FINDING_META);
        VBox body = new VBox(10, causeBox, findingHeading, title, detail, evidenceTable, new Label(Text.get("overview.note")), note);
        VBox.setVgrow(evidenceTable, Priority.ALWAYS);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("detail-scroll");
        VBox card = Views.card(Text.get("overview.detail.title"), scroll);
        card.setMinWidth(320);
        return card;
    }

    private static Label wrapped(String id, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        label.visibleProperty().bind(Bindings.isNotEmpty(text));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    private static VBox tile(Severity severity, javafx.beans.property.ReadOnlyLongProperty count) {
        Label value = new Label();
        value.textProperty().bind(count.asString());
        value.getStyleClass().addAll(Styles.COUNT_VALUE, Styles.severity(severity));
        value.setId("count-" + severity.jsonName());
        Label label = new Label(Text.get("overview.count." + severity.jsonName()));
        label.getStyleClass().add(Styles.COUNT_LABEL);
        VBox tile = new VBox(2, value, label);
        tile.getStyleClass().add(Styles.COUNT_TILE);
        tile.setMinWidth(Region.USE_PREF_SIZE);
        label.setTooltip(Views.tooltip(Text.get("overview.count." + severity.jsonName() + ".help")));
        return tile;
    }

    private static CheckBox severityBox(OverviewViewModel model, Severity severity) {
        CheckBox box = new CheckBox(Text.get("overview.count." + severity.jsonName()));
        box.setId("show-" + severity.jsonName());
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.setSelected(model.isShown(severity));
        box.selectedProperty().addListener((obs, old, now) -> model.showSeverity(severity, now));
        return box;
    }

    /** The causes tree, for tests. */
    public TreeView<?> causesTree() {
        return causes;
    }
}
