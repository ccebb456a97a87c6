package org.modellens.app.ui.start;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

import org.controlsfx.control.SearchableComboBox;
import org.modellens.app.ui.Styles;
import org.modellens.app.ui.Text;
import org.modellens.app.ui.Views;

/** The start page: the sample case, the user's own files (choosers and drag-and-drop), and recent projects. */
public final class StartView extends ScrollPane {

    private final StartViewModel model;

    /**
     * @param run          starts the analysis
     * @param recent       recent project files
     * @param openProject  opens a project file
     */
    public StartView(StartViewModel model, Runnable run, ObservableList<Path> recent, Consumer<Path> openProject) {
        this.model = model;
        setId("start-view");
        setFitToWidth(true);
        getStyleClass().add(Styles.PAGE);

        Label title = new Label(Text.get("start.title"));
        title.getStyleClass().add(Styles.HERO);
        Label subtitle = Views.muted(Text.get("start.subtitle"));

        Button sample = new Button(Text.get("start.sample.open"));
        sample.setId("open-sample");
        sample.getStyleClass().add(Styles.PRIMARY);
        sample.setOnAction(e -> {
            model.useSampleCase();
            run.run();
        });
        VBox sampleCard = Views.card(Text.get("start.sample.title"),
                new VBox(12, Views.muted(Text.get("start.sample.text")), sample));

        VBox filesCard = Views.card(Text.get("start.files.title"), filesForm(run));
        filesCard.getStyleClass().add(Styles.DROP_ZONE);
        filesCard.setOnDragOver(this::dragOver);
        filesCard.setOnDragEntered(e -> filesCard.getStyleClass().add(Styles.DROP_ACTIVE));
        filesCard.setOnDragExited(e -> filesCard.getStyleClass().remove(Styles.DROP_ACTIVE));
        filesCard.setOnDragDropped(this::dropped);

        ListView<Path> recentList = new ListView<>(recent);
        recentList.setId("recent-projects");
        recentList.setPlaceholder(Views.muted(Text.get("start.recent.none")));
        recentList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Path item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item.getFileName().toString());
                setTooltip(empty ? null : Views.tooltip(item.toString()));
            }
        });
        recentList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && recentList.getSelectionModel().getSelectedItem() != null) {
                openProject.accept(recentList.getSelectionModel().getSelectedItem());
            }
        });
        recentList.setPrefHeight(200);
        VBox recentCard = Views.card(Text.get("start.recent.title"), recentList);

        VBox left = new VBox(16, sampleCard, recentCard);
        left.setPrefWidth(340);
        left.setMinWidth(300);
        HBox columns = new HBox(16, left, filesCard);
        HBox.setHgrow(filesCard, Priority.ALWAYS);
        VBox page = new VBox(18, new VBox(4, title, subtitle), columns);
        page.getStyleClass().add("page-content");
        setContent(page);
    }

    private VBox filesForm(Runnable run) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(110);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values, new ColumnConstraints());
        fileRow(grid, 0, "train", Text.get("start.files.train"), model.trainProperty(), dataFilters());
        fileRow(grid, 1, "prod", Text.get("start.files.prod"), model.prodProperty(), dataFilters());
        fileRow(grid, 2, "model", Text.get("start.files.model"), model.modelProperty(), List.of(
                new FileChooser.ExtensionFilter(Text.get("start.filter.model"), "*.json", "*.ubj", "*.txt", "*.onnx", "*.model"),
                new FileChooser.ExtensionFilter(Text.get("start.filter.all"), "*")));
        Button removeModel = new Button(Text.get("start.files.removeModel"));
        removeModel.setId("model-remove");
        removeModel.disableProperty().bind(model.modelProperty().isNull());
        removeModel.setOnAction(e -> model.removeModel());
        grid.add(removeModel, 3, 2);
        // The model's held-out data: the fair baseline for every performance figure (--reference).
        fileRow(grid, 3, "reference", Text.get("start.files.reference"), model.referenceProperty(), dataFilters());
        Button removeReference = new Button(Text.get("start.files.removeReference"));
        removeReference.setId("reference-remove");
        removeReference.disableProperty().bind(model.referenceProperty().isNull());
        removeReference.setOnAction(e -> model.referenceProperty().set(null));
        grid.add(removeReference, 3, 3);
        Label referenceHint = Views.muted(Text.get("start.files.reference.help"));
        grid.add(referenceHint, 1, 4, 3, 1);

        // Type to search: a wide file has hundreds of columns.
        ComboBox<String> target = new SearchableComboBox<>();
        target.setId("target");
        target.setItems(targetChoices());
        target.valueProperty().bindBidirectional(model.targetProperty());
        target.setPromptText(Text.get("start.target.none"));
        target.setMaxWidth(Double.MAX_VALUE);
        ComboBox<String> task = new ComboBox<>(FXCollections.observableArrayList(StartViewModel.TASKS));
        task.valueProperty().bindBidirectional(model.taskProperty());
        // Spins while the training file's column list is read.
        ProgressIndicator columnsSpinner = new ProgressIndicator();
        columnsSpinner.setId("columns-spinner");
        columnsSpinner.setPrefSize(18, 18);
        columnsSpinner.setMaxSize(18, 18);
        columnsSpinner.visibleProperty().bind(model.readingColumnsProperty());
        columnsSpinner.managedProperty().bind(columnsSpinner.visibleProperty());
        HBox targetRow = new HBox(8, target, columnsSpinner);
        targetRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(target, Priority.ALWAYS);
        grid.addRow(5, new Label(Text.get("start.target")), targetRow);
        grid.addRow(6, new Label(Text.get("start.task")), task);
        // Production over time: the time column and the chunk (typed row counts accepted).
        ComboBox<String> time = new SearchableComboBox<>();
        time.setId("time-column");
        time.setItems(targetChoices());
        time.valueProperty().bindBidirectional(model.timeColumnProperty());
        time.setPromptText(Text.get("start.time.none"));
        time.setMaxWidth(Double.MAX_VALUE);
        ComboBox<String> chunk = new ComboBox<>(FXCollections.observableArrayList(StartViewModel.CHUNKS));
        chunk.setId("chunk");
        chunk.setEditable(true);
        chunk.setPromptText(Text.get("start.chunk.default"));
        chunk.setMaxWidth(Double.MAX_VALUE);
        chunk.setTooltip(Views.tooltip(Text.get("start.chunk.help")));
        chunk.valueProperty().bindBidirectional(model.chunkProperty());
        grid.addRow(7, new Label(Text.get("start.time")), time);
        grid.addRow(8, new Label(Text.get("start.chunk")), chunk);

        TableView<ColumnOverride> overrides = new TableView<>(model.overrides());
        overrides.setEditable(true);
        overrides.setPrefHeight(240);
        ProgressIndicator readingSpinner = new ProgressIndicator();
        readingSpinner.setPrefSize(18, 18);
        readingSpinner.setMaxSize(18, 18);
        Label reading = new Label(Text.get("start.columns.reading"), readingSpinner);
        reading.setId("columns-reading");
        Label none = Views.muted(Text.get("start.types.none"));
        overrides.placeholderProperty().bind(Bindings.when(model.readingColumnsProperty())
                .<javafx.scene.Node>then(reading).otherwise(none));
        TableColumn<ColumnOverride, String> column = new TableColumn<>(Text.get("start.types.column"));
        column.setCellValueFactory(c -> new javafx.beans.property.SimpleStringProperty(c.getValue().column()));
        TableColumn<ColumnOverride, TypeChoice> choice = new TableColumn<>(Text.get("start.types.type"));
        choice.setCellValueFactory(c -> c.getValue().choiceProperty());
        choice.setCellFactory(ComboBoxTableCell.forTableColumn(new StringConverter<>() {
            @Override
            public String toString(TypeChoice value) {
                return value == null ? "" : Text.get(value.textKey());
            }

            @Override
            public TypeChoice fromString(String text) {
                return null;
            }
        }, TypeChoice.values()));
        choice.setEditable(true);
        overrides.getColumns().add(column);
        overrides.getColumns().add(choice);
        overrides.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        Button runButton = new Button(Text.get("start.run"));
        runButton.setId("run-analysis");
        runButton.getStyleClass().add(Styles.PRIMARY);
        runButton.disableProperty().bind(model.readyProperty().not());
        runButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        runButton.setOnAction(e -> run.run());
        Label hint = Views.muted(Text.get("start.files.drop"));
        HBox actions = new HBox(12, hint, Views.grow(), runButton);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label typesTitle = new Label(Text.get("start.types.title"));
        typesTitle.getStyleClass().add("subheading");
        return new VBox(12, grid, typesTitle, Views.muted(Text.get("start.types.text")), overrides, actions);
    }

    /** The training columns, plus an empty entry for "no target". */
    private ObservableList<String> targetChoices() {
        ObservableList<String> choices = FXCollections.observableArrayList();
        model.columns().addListener((javafx.collections.ListChangeListener<String>) c -> choices.setAll(model.columns()));
        choices.setAll(model.columns());
        return choices;
    }

    private void fileRow(GridPane grid, int row, String id, String label, ObjectProperty<Path> file,
                         List<FileChooser.ExtensionFilter> filters) {
        Label name = new Label();
        name.setId(id + "-file");
        name.textProperty().bind(StartViewModel.describe(file));
        name.getStyleClass().add("file-name");
        name.tooltipProperty().bind(Bindings.createObjectBinding(
                () -> file.get() == null ? null : Views.tooltip(file.get().toAbsolutePath().toString()), file));
        Button browse = new Button(Text.get("start.files.browse"));
        browse.setId(id + "-browse");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(label);
            chooser.getExtensionFilters().addAll(filters);
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                model.sampleProperty().set(false);
                file.set(chosen.toPath());
            }
        });
        grid.addRow(row, new Label(label), name, browse);
    }

    static List<FileChooser.ExtensionFilter> dataFilters() {
        return List.of(new FileChooser.ExtensionFilter(Text.get("start.filter.data"), "*.csv", "*.tsv", "*.parquet", "*.xlsx"),
                new FileChooser.ExtensionFilter(Text.get("start.filter.all"), "*"));
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dropped(DragEvent event) {
        boolean accepted = event.getDragboard().hasFiles();
        if (accepted) {
            model.acceptDropped(event.getDragboard().getFiles().stream().map(File::toPath).toList());
        }
        event.setDropCompleted(accepted);
        event.consume();
    }
}
