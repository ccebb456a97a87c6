package org.modellens.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.modellens.app.ui.drift.DriftView;
import org.modellens.app.ui.edgecases.EdgeCasesView;
import org.modellens.app.ui.explanations.ExplanationsView;
import org.modellens.app.ui.features.FeaturesView;
import org.modellens.app.ui.model.ModelView;
import org.modellens.app.ui.overview.OverviewView;
import org.modellens.app.ui.start.StartView;
import org.modellens.project.ProjectStore;

/**
 * The window's content: menus, a toolbar with the run, its progress and cancel, the page navigation
 * on the left, the page in the middle and a status bar. Handlers are one line into the view-model.
 */
public final class MainView extends BorderPane {

    private final WorkbenchViewModel model;
    private final Map<ViewId, Node> pages = new EnumMap<>(ViewId.class);
    private final CheckMenuItem dark = new CheckMenuItem(Text.get("menu.view.dark"));

    public MainView(WorkbenchViewModel model) {
        this.model = model;
        setId("main-view");
        getStyleClass().add("workbench");

        pages.put(ViewId.START, new StartView(model.start(), model::run, model.recentProjects(), this::openProject));
        pages.put(ViewId.OVERVIEW, new OverviewView(model.overview(), model.notes()));
        pages.put(ViewId.FEATURES, new FeaturesView(model.features()));
        pages.put(ViewId.DRIFT, new DriftView(model.drift()));
        pages.put(ViewId.EDGE_CASES, new EdgeCasesView(model.edgeCases()));
        pages.put(ViewId.EXPLANATIONS, new ExplanationsView(model.explanations()));
        pages.put(ViewId.MODEL, new ModelView(model.model()));
        pages.put(ViewId.TIMELINE, new org.modellens.app.ui.timeline.TimelineView(model.timeline()));
        StackPane center = new StackPane();
        center.getStyleClass().add("page-host");
        pages.values().forEach(page -> center.getChildren().add(page));
        model.pageProperty().addListener((obs, old, now) -> showPage(now));
        showPage(model.pageProperty().get());

        setTop(new VBox(menus(), toolbar()));
        setLeft(navigation());
        setCenter(center);
        setBottom(statusBar());

        model.errorProperty().addListener((obs, old, error) -> {
            if (error != null) {
                showError(error);
                model.clearError();
            }
        });
    }

    private void showPage(ViewId id) {
        pages.forEach((page, node) -> {
            node.setVisible(page == id);
            node.setManaged(page == id);
        });
    }

    public void applyTheme(Theme theme) {
        if (getScene() != null) {
            getScene().getStylesheets().setAll(theme.stylesheets());
        }
        dark.setSelected(theme == Theme.DARK);
    }

    private MenuBar menus() {
        Menu file = new Menu(Text.get("menu.file"));
        MenuItem sample = item("menu.file.sample", null, () -> {
            model.start().useSampleCase();
            model.open(ViewId.START);
        });
        MenuItem train = item("menu.file.train", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                () -> chooseInto(model.start().trainProperty(), "start.files.train"));
        MenuItem prod = item("menu.file.prod", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.ALT_DOWN),
                () -> chooseInto(model.start().prodProperty(), "start.files.prod"));
        MenuItem modelFile = item("menu.file.model", null, () -> chooseInto(model.start().modelProperty(), "start.files.model"));
        MenuItem openProject = item("menu.file.openProject", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::chooseProject);
        MenuItem save = item("menu.file.save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::save);
        MenuItem saveAs = item("menu.file.saveAs", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::saveAs);
        save.disableProperty().bind(model.start().trainProperty().isNull());
        saveAs.disableProperty().bind(model.start().trainProperty().isNull());
        Menu export = new Menu(Text.get("menu.file.export"));
        export.setId("menu-export");
        Map<ExportFormat, KeyCombination> keys = new LinkedHashMap<>();
        keys.put(ExportFormat.EXCEL, null);
        keys.put(ExportFormat.PDF, null);
        keys.put(ExportFormat.JSON, new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        keys.forEach((format, key) -> {
            MenuItem item = item("menu.file.export." + format.name().toLowerCase(java.util.Locale.ROOT), key, () -> exportAs(format));
            item.setId("export-" + format.name().toLowerCase(java.util.Locale.ROOT));
            // Disabled until a report is shown, and for good while the core has no writer for the format.
            item.disableProperty().bind(model.reportProperty().isNull());
            export.getItems().add(item);
        });
        MenuItem quit = item("menu.file.quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                () -> getScene().getWindow().hide());
        file.getItems().addAll(sample, train, prod, modelFile, new SeparatorMenuItem(), openProject, save, saveAs,
                new SeparatorMenuItem(), export, new SeparatorMenuItem(), quit);

        Menu analysis = new Menu(Text.get("menu.analysis"));
        MenuItem run = item("menu.analysis.run", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), model::run);
        run.setId("menu-run");
        run.disableProperty().bind(model.start().readyProperty().not());
        MenuItem cancel = item("menu.analysis.cancel", new KeyCodeCombination(KeyCode.ESCAPE), model::cancel);
        cancel.disableProperty().bind(model.runningProperty().not());
        analysis.getItems().addAll(run, cancel);

        Menu view = new Menu(Text.get("menu.view"));
        for (ViewId id : ViewId.values()) {
            view.getItems().add(item(id.textKey(), new KeyCodeCombination(id.shortcut(), KeyCombination.SHORTCUT_DOWN), () -> model.open(id)));
        }
        dark.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        dark.setOnAction(e -> applyTheme(dark.isSelected() ? Theme.DARK : Theme.LIGHT));
        view.getItems().addAll(new SeparatorMenuItem(), dark);

        Menu help = new Menu(Text.get("menu.help"));
        help.getItems().add(item("menu.help.shortcuts", new KeyCodeCombination(KeyCode.F1), this::showShortcuts));
        MenuBar bar = new MenuBar(file, analysis, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String key, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(Text.get(key));
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }

    private HBox toolbar() {
        Label brand = new Label(Text.get("app.name"));
        brand.getStyleClass().add("brand");
        Button run = new Button(Text.get("toolbar.run"));
        run.setId("toolbar-run");
        run.getStyleClass().add(Styles.PRIMARY);
        run.disableProperty().bind(model.start().readyProperty().not().or(model.runningProperty()));
        run.setOnAction(e -> model.run());
        run.setTooltip(Views.tooltip(Text.get("toolbar.run.help")));
        Button cancel = new Button(Text.get("toolbar.cancel"));
        cancel.setId("toolbar-cancel");
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("analysis-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.setPrefWidth(220);
        Label stage = new Label();
        stage.setId("analysis-stage");
        stage.textProperty().bind(model.statusProperty());
        stage.getStyleClass().add(Styles.MUTED);
        Label inputs = new Label();
        inputs.getStyleClass().add("inputs-summary");
        inputs.setId("inputs-summary");
        inputs.textProperty().bind(model.inputsSummary());
        HBox bar = new HBox(12, brand, inputs, Views.grow(), stage, progress, cancel, run);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.TOOLBAR);
        return bar;
    }


    private VBox navigation() {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox(2);
        nav.getStyleClass().add(Styles.NAV);
        for (ViewId id : ViewId.values()) {
            ToggleButton button = new ToggleButton(Text.get(id.textKey()));
            button.setId("nav-" + id.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            button.getStyleClass().add(Styles.NAV_BUTTON);
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setTooltip(Views.tooltip(Text.get(id.textKey() + ".help")));
            button.setOnAction(e -> model.open(id));
            if (id != ViewId.START) {
                button.disableProperty().bind(model.reportProperty().isNull());
            }
            button.setSelected(model.pageProperty().get() == id);
            model.pageProperty().addListener((obs, old, now) -> button.setSelected(now == id));
            // A toggle clicked twice stays on: the page shown is always selected.
            button.selectedProperty().addListener((obs, was, is) -> {
                if (!is && model.pageProperty().get() == id) {
                    button.setSelected(true);
                }
            });
            nav.getChildren().add(button);
        }
        Label selected = new Label();
        selected.getStyleClass().add("nav-selection");
        selected.setWrapText(true);
        selected.textProperty().bind(Bindings.createStringBinding(() -> model.selection().feature() == null ? ""
                : Text.get("nav.selected", model.selection().feature()), model.selection().featureProperty()));
        VBox spacer = new VBox();
        VBox.setVgrow(spacer, javafx.scene.layout.Priority.ALWAYS);
        nav.getChildren().addAll(spacer, selected);
        nav.setPrefWidth(224);
        nav.setMinWidth(224);
        return nav;
    }

    private HBox statusBar() {
        Label verdict = new Label();
        verdict.textProperty().bind(Bindings.createStringBinding(() -> model.reportProperty().get() == null
                        ? Text.get("status.noReport")
                        : Text.get("status.report", model.reportProperty().get().verdict(), model.reportProperty().get().findings().size(),
                        model.reportProperty().get().features().size()),
                model.reportProperty()));
        Label project = new Label();
        project.textProperty().bind(Bindings.createStringBinding(() -> model.projectFileProperty().get() == null
                ? Text.get("status.noProject") : model.projectFileProperty().get().toString(), model.projectFileProperty()));
        HBox bar = new HBox(16, verdict, Views.grow(), project);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        return bar;
    }

    private void chooseInto(javafx.beans.property.ObjectProperty<Path> property, String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Text.get(titleKey));
        File chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            model.start().sampleProperty().set(false);
            property.set(chosen.toPath());
            model.open(ViewId.START);
        }
    }

    private void chooseProject() {
        FileChooser chooser = projectChooser("menu.file.openProject");
        File chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            openProject(chosen.toPath());
        }
    }

    /** Opens a project; for each input that moved, asks where it is now. */
    public void openProject(Path file) {
        WorkbenchViewModel.ProjectLoad load = model.loadProject(file);
        if (load == null) {
            return;
        }
        if (load.needsConfirmation()) {
            // A project file from elsewhere can name any file: nothing outside its folder is read unasked.
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, load.confirmationText(), ButtonType.OK, ButtonType.CANCEL);
            ask.setTitle(Text.get("project.outside.title"));
            ask.setHeaderText(Text.get("project.outside.header"));
            ask.initOwner(getScene().getWindow());
            if (ask.showAndWait().filter(ButtonType.OK::equals).isEmpty()) {
                return;
            }
        }
        Map<Path, Path> replacements = new LinkedHashMap<>();
        for (Path missing : load.missing()) {
            Alert ask = new Alert(Alert.AlertType.INFORMATION);
            ask.setTitle(Text.get("project.missing.title"));
            ask.setHeaderText(Text.get("project.missing.header", missing.getFileName()));
            ask.setContentText(Text.get("project.missing.text", missing));
            ask.initOwner(getScene().getWindow());
            ask.showAndWait();
            FileChooser chooser = new FileChooser();
            chooser.setTitle(Text.get("project.missing.header", missing.getFileName()));
            chooser.setInitialFileName(missing.getFileName().toString());
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) {
                replacements.put(missing, chosen.toPath());
            }
        }
        model.applyProject(load, replacements);
    }

    private void save() {
        Path current = model.projectFileProperty().get();
        if (current == null) {
            saveAs();
        } else {
            model.saveProject(current);
        }
    }

    private void saveAs() {
        File chosen = projectChooser("menu.file.saveAs").showSaveDialog(getScene().getWindow());
        if (chosen != null) {
            Path path = chosen.toPath();
            if (!path.getFileName().toString().endsWith(ProjectStore.EXTENSION)) {
                path = path.resolveSibling(path.getFileName() + ProjectStore.EXTENSION);
            }
            model.saveProject(path);
        }
    }

    private static FileChooser projectChooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Text.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Text.get("project.filter"), "*" + ProjectStore.EXTENSION));
        return chooser;
    }

    private void exportAs(ExportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Text.get("menu.file.export." + format.name().toLowerCase(java.util.Locale.ROOT)));
        chooser.setInitialFileName("modellens-report" + format.extension());
        File chosen = chooser.showSaveDialog(getScene().getWindow());
        if (chosen != null) {
            model.export(format, chosen.toPath());
        }
    }

    private void showShortcuts() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle(Text.get("menu.help.shortcuts"));
        alert.setHeaderText(Text.get("menu.help.shortcuts"));
        alert.setContentText(Text.get("shortcuts.text"));
        alert.initOwner(getScene().getWindow());
        alert.show();
    }

    private void showError(UserError error) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.getDialogPane().setId("error-dialog");
        alert.setTitle(error.title());
        alert.setHeaderText(error.title());
        alert.setContentText(error.message());
        TextArea detail = new TextArea(error.detail());
        detail.setEditable(false);
        detail.setWrapText(true);
        alert.getDialogPane().setExpandableContent(detail);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
            alert.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        alert.show();
    }

    public Node page(ViewId id) {
        return pages.get(id);
    }
}
