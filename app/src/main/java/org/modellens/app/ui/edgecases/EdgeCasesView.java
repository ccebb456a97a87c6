package org.modellens.app.ui.edgecases;

import java.util.List;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import org.modellens.app.ui.FindingCell;
import org.modellens.app.ui.SaveFiles;
import org.modellens.app.ui.Styles;
import org.modellens.app.ui.Text;
import org.modellens.app.ui.Views;
import org.modellens.checks.Finding;

/** Leakage, schema, type and unit findings and the value-level findings with their affected production rows. */
public final class EdgeCasesView extends BorderPane {

    private final EdgeCasesViewModel model;
    private final TableView<List<String>> rows = new TableView<>();

    public EdgeCasesView(EdgeCasesViewModel model) {
        this.model = model;
        setId("edge-cases-view");
        getStyleClass().add(Styles.PAGE);

        ListView<Finding> findings = new ListView<>(model.findings());
        findings.setId("edge-findings");
        findings.setCellFactory(list -> new FindingCell(model::isModelInput));
        findings.setFixedCellSize(FindingCell.HEIGHT);
        findings.setPlaceholder(Views.muted(Text.get("edge.none")));
        findings.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.select(now));
        model.selectedFindingProperty().addListener((obs, old, now) -> {
            if (now != null && findings.getItems().contains(now)) {
                findings.getSelectionModel().select(now);
                findings.scrollTo(now);
            } else {
                findings.getSelectionModel().clearSelection();
            }
        });

        rows.setId("affected-rows");
        rows.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        rows.setItems(model.rows());
        rows.setPlaceholder(Views.muted(Text.get("edge.rows.placeholder")));
        model.rowColumns().addListener((ListChangeListener<String>) c -> rebuildColumns());
        Views.keepHeadersWhole(rows);
        Label caption = new Label();
        caption.textProperty().bind(model.rowsCaptionProperty());
        caption.getStyleClass().add(Styles.MUTED);
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        VBox evidence = Views.card(Text.get("edge.evidence"), Views.statisticTable(model.evidence()));
        // Every affected row, not just those shown, to a CSV file.
        Button export = new Button(Text.get("edge.export"));
        export.setId("export-affected-rows");
        export.disableProperty().bind(model.exportableProperty().not());
        export.setOnAction(e -> {
            java.nio.file.Path file = SaveFiles.ask(getScene().getWindow(), Text.get("edge.export.title"),
                    model.exportFileName(), Text.get("edge.export.filter"), "csv");
            if (file != null) {
                model.exportRows(file);
            }
        });
        Label exportMessage = new Label();
        exportMessage.setId("export-message");
        exportMessage.getStyleClass().add(Styles.MUTED);
        exportMessage.textProperty().bind(model.exportMessageProperty());
        HBox exportBar = new HBox(10, export, exportMessage);
        exportBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox affected = Views.card(Text.get("edge.rows.title"), new VBox(8, caption, exportBar, rows));
        VBox.setVgrow(rows, Priority.ALWAYS);
        VBox right = new VBox(14, evidence, affected);
        VBox.setVgrow(affected, Priority.ALWAYS);
        VBox left = Views.card(Text.get("edge.findings"), findings);
        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.42);
        VBox content = new VBox(14, Views.title(Text.get("view.edge-cases")),
                Views.muted(Text.get("edge.intro")), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        content.getStyleClass().add("page-content");
        setCenter(content);
    }

    private void rebuildColumns() {
        rows.getColumns().clear();
        List<String> names = List.copyOf(model.rowColumns());
        String highlighted = model.highlightedColumnProperty().get();
        for (int i = 0; i < names.size(); i++) {
            int index = i;
            TableColumn<List<String>, String> column = new TableColumn<>(names.get(i));
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(index < c.getValue().size() ? c.getValue().get(index) : ""));
            column.setCellFactory(c -> Views.wholeTextCell());
            column.setPrefWidth(i == 0 ? 70 : 120);
            if (names.get(i).equals(highlighted)) {
                column.getStyleClass().add(Styles.HIGHLIGHT);
            }
            rows.getColumns().add(column);
        }
    }

    public TableView<List<String>> rowsTable() {
        return rows;
    }
}
