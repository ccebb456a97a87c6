package org.modellens.app.ui.overview;

import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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

/** The overview page: verdict, counts by severity, and the filtered findings with the selected one's detail. */
public final class OverviewView extends BorderPane {

    private final ObservableList<StatisticRow> evidence = FXCollections.observableArrayList();
    private Finding noted;

    public OverviewView(OverviewViewModel model, NotesViewModel notes) {
        setId("overview-view");
        getStyleClass().add(Styles.PAGE);

        Label verdict = new Label();
        verdict.setId("verdict");
        verdict.textProperty().bind(Bindings.createStringBinding(
                () -> model.verdictProperty().get().isEmpty() ? "" : Text.get("overview.verdict." + model.verdictProperty().get()),
                model.verdictProperty()));
        verdict.getStyleClass().add(Styles.VERDICT);
        model.verdictProperty().addListener((obs, old, now) -> {
            verdict.getStyleClass().removeIf(s -> s.startsWith("verdict-"));
            verdict.getStyleClass().add("verdict-" + now);
        });
        HBox tiles = new HBox(12, verdict,
                tile(Severity.FAIL, model.failCountProperty()),
                tile(Severity.WARN, model.warnCountProperty()),
                tile(Severity.INFO, model.infoCountProperty()));
        tiles.setAlignment(Pos.CENTER_LEFT);
        Label performance = new Label();
        performance.setId("performance");
        performance.setWrapText(true);
        performance.textProperty().bind(model.performanceProperty());
        performance.visibleProperty().bind(model.performanceProperty().isNotEmpty());
        performance.managedProperty().bind(performance.visibleProperty());

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
        findings.setCellFactory(list -> new FindingCell());
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

        Label title = new Label();
        title.getStyleClass().add("detail-title");
        title.setWrapText(true);
        Label detail = new Label();
        detail.setWrapText(true);
        TableView<StatisticRow> evidenceTable = Views.statisticTable(evidence);
        TextArea note = new TextArea();
        note.setId("finding-note");
        note.setPromptText(Text.get("overview.note.prompt"));
        note.setWrapText(true);
        note.setPrefRowCount(4);
        note.setMinHeight(90);
        note.textProperty().addListener((obs, old, now) -> {
            if (noted != null) {
                notes.setNote(noted, now);
            }
        });
        VBox detailBox = new VBox(10, title, detail, evidenceTable, new Label(Text.get("overview.note")), note);
        VBox.setVgrow(evidenceTable, Priority.ALWAYS);
        VBox detailCard = Views.card(Text.get("overview.detail"), new VBox());
        detailCard.getChildren().set(1, detailBox);
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

        VBox listCard = Views.card(Text.get("overview.findings"), new VBox(10, filters, findings));
        VBox.setVgrow(findings, Priority.ALWAYS);
        SplitPane split = new SplitPane(listCard, detailCard);
        split.setDividerPositions(0.58);
        VBox content = new VBox(16, Views.title(Text.get("view.overview")), tiles, performance, split);
        VBox.setVgrow(split, Priority.ALWAYS);
        content.getStyleClass().add("page-content");
        setCenter(content);
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
        Label.class.cast(label).setTooltip(Views.tooltip(Text.get("overview.count." + severity.jsonName() + ".help")));
        return tile;
    }

    private static CheckBox severityBox(OverviewViewModel model, Severity severity) {
        CheckBox box = new CheckBox(Text.get("overview.count." + severity.jsonName()));
        box.setId("show-" + severity.jsonName());
        box.setSelected(model.isShown(severity));
        box.selectedProperty().addListener((obs, old, now) -> model.showSeverity(severity, now));
        return box;
    }
}
