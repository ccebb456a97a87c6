package org.modellens.app.ui;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.modellens.app.ui.drift.DriftViewModel;
import org.modellens.app.ui.edgecases.EdgeCasesViewModel;
import org.modellens.app.ui.explanations.ExplanationsViewModel;
import org.modellens.app.ui.features.FeaturesViewModel;
import org.modellens.app.ui.model.ModelViewModel;
import org.modellens.app.ui.overview.OverviewViewModel;
import org.modellens.app.ui.start.StartViewModel;
import org.modellens.app.ui.start.TypeChoice;
import org.modellens.project.ProjectFileException;
import org.modellens.project.ProjectStore;
import org.modellens.project.WorkbenchProject;
import org.modellens.report.DiagnosticReport;
import org.modellens.settings.Settings;

/**
 * The workbench as a whole: the inputs, the analysis running in the background, the report it
 * produced, the shared selection and the page shown. Every page's view-model reads the one report.
 */
public final class WorkbenchViewModel {

    private final Executor executor;
    private final Selection selection = new Selection();
    private final ReadOnlyObjectWrapper<DiagnosticReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ObjectProperty<ViewId> page = new SimpleObjectProperty<>(this, "page", ViewId.START);

    private final StartViewModel start;
    private final OverviewViewModel overview;
    private final FeaturesViewModel features;
    private final DriftViewModel drift;
    private final EdgeCasesViewModel edgeCases;
    private final ExplanationsViewModel explanations;
    private final ModelViewModel model;
    private final org.modellens.app.ui.timeline.TimelineViewModel timeline;
    private final NotesViewModel notes = new NotesViewModel();

    private final ProjectStore projects = new ProjectStore();
    private final RecentProjects recent;
    private final ObjectProperty<Path> projectFile = new SimpleObjectProperty<>(this, "projectFile");

    private AnalysisTask task;
    /** Counts input changes, so a run whose inputs changed while it ran is not shown as theirs. */
    private long inputsVersion;

    /**
     * @param executor runs the background work (analyses, file reading, exports)
     * @param recent   the recent projects list
     */
    public WorkbenchViewModel(Executor executor, RecentProjects recent) {
        this.executor = executor;
        this.recent = recent;
        this.start = new StartViewModel(executor, this::showError);
        ReadOnlyObjectProperty<DiagnosticReport> shown = report.getReadOnlyProperty();
        this.overview = new OverviewViewModel(shown, selection);
        this.features = new FeaturesViewModel(shown, selection);
        this.drift = new DriftViewModel(shown, selection);
        this.edgeCases = new EdgeCasesViewModel(shown, selection, executor);
        this.explanations = new ExplanationsViewModel(shown, selection);
        this.model = new ModelViewModel(shown);
        this.timeline = new org.modellens.app.ui.timeline.TimelineViewModel(shown, selection, () -> open(ViewId.DRIFT));
        // Results belong to the inputs they were made from: any change of input takes them down.
        javafx.beans.value.ChangeListener<Object> changed = (obs, was, now) -> inputsChanged();
        for (javafx.beans.value.ObservableValue<?> input : List.of(start.trainProperty(), start.prodProperty(), start.modelProperty(),
                start.referenceProperty(), start.targetProperty(), start.taskProperty(), start.timeColumnProperty(),
                start.chunkProperty())) {
            input.addListener(changed);
        }
    }

    private void inputsChanged() {
        inputsVersion++;
        if (report.get() != null) {
            selection.clear();
            report.set(null);
        }
    }

    /** Starts the analysis of the chosen inputs in the background; a running one is cancelled first. */
    public void run() {
        if (!start.readyProperty().get()) {
            if (start.readingColumnsProperty().get()) {
                // The training columns are still being read (just chosen): run as soon as they are.
                runWhenReady();
            }
            return;
        }
        cancel();
        AnalysisTask next = new AnalysisTask(start.request(Settings.defaults()));
        long version = inputsVersion;
        task = next;
        running.set(true);
        progress.unbind();
        status.unbind();
        progress.bind(next.progressProperty());
        status.bind(next.messageProperty());
        next.setOnSucceeded(e -> {
            if (version != inputsVersion) {
                finish(next, Text.get("run.stale"));
                return;
            }
            finish(next, Text.get("run.done"));
            selection.clear();
            report.set(next.getValue());
            overview.selectTopCause();
            page.set(ViewId.OVERVIEW);
        });
        next.setOnFailed(e -> {
            finish(next, Text.get("run.failed"));
            // The findings shown were the previous case's: never leave them under the new inputs' names.
            selection.clear();
            report.set(null);
            Throwable failure = next.getException();
            showError(new UserError(Text.get("error.run.title"), readable(failure), String.valueOf(failure)));
        });
        next.setOnCancelled(e -> finish(next, Text.get("run.cancelled")));
        executor.execute(next);
    }

    private void runWhenReady() {
        javafx.beans.value.ChangeListener<Boolean> once = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean reading) {
                if (!reading) {
                    start.readingColumnsProperty().removeListener(this);
                    run();
                }
            }
        };
        start.readingColumnsProperty().addListener(once);
    }

    /** Stops the running analysis, if any; the report shown before stays. */
    public void cancel() {
        if (task != null && task.isRunning()) {
            task.cancel();
        }
    }

    private void finish(AnalysisTask finished, String message) {
        if (finished != task) {
            return;
        }
        progress.unbind();
        status.unbind();
        progress.set(finished.getState() == javafx.concurrent.Worker.State.SUCCEEDED ? 1 : 0);
        status.set(message);
        running.set(false);
        task = null;
    }

    private static String readable(Throwable failure) {
        if (failure instanceof Error) {
            return org.modellens.Failures.describe(failure);
        }
        String message = failure.getMessage();
        return message == null || message.isBlank() ? Text.get("error.run.unexpected", failure.getClass().getSimpleName()) : message;
    }

    /** Puts an error up for the view to show; the view clears it once shown. */
    public void showError(UserError shown) {
        error.set(shown);
    }

    public void clearError() {
        error.set(null);
    }

    public void open(ViewId id) {
        page.set(id);
    }

    public Executor executor() {
        return executor;
    }

    public Selection selection() {
        return selection;
    }

    public ReadOnlyObjectProperty<DiagnosticReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** Shows a report made elsewhere (tests, reopening); the same path as a finished analysis. */
    public void show(DiagnosticReport shown) {
        selection.clear();
        report.set(shown);
        // Every page opens on the costliest cause, never on nothing.
        overview.selectTopCause();
    }

    /**
     * The case in the header: each snapshot with its folder, so cases whose files share names
     * (every case's {@code train.csv vs prod.csv}) read apart; the bundled sample is named as such.
     */
    public javafx.beans.binding.StringBinding inputsSummary() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            Path train = start.trainProperty().get();
            if (train == null) {
                return "";
            }
            Path prod = start.prodProperty().get();
            if (start.sampleProperty().get()) {
                // The sample lives in a temporary folder whose name says nothing.
                return Text.get("toolbar.inputs.sample", train.getFileName(), prod == null ? "" : prod.getFileName());
            }
            return Text.get("toolbar.inputs", withFolder(train), withFolder(prod));
        }, start.trainProperty(), start.prodProperty(), start.sampleProperty());
    }

    static String withFolder(Path path) {
        if (path == null) {
            return Text.get("start.file.none");
        }
        Path absolute = path.toAbsolutePath().normalize();
        Path folder = absolute.getParent() == null ? null : absolute.getParent().getFileName();
        return folder == null ? absolute.getFileName().toString() : folder + "/" + absolute.getFileName();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObjectProperty<ViewId> pageProperty() {
        return page;
    }

    public StartViewModel start() {
        return start;
    }

    public OverviewViewModel overview() {
        return overview;
    }

    public FeaturesViewModel features() {
        return features;
    }

    public DriftViewModel drift() {
        return drift;
    }

    public EdgeCasesViewModel edgeCases() {
        return edgeCases;
    }

    public ExplanationsViewModel explanations() {
        return explanations;
    }

    public org.modellens.app.ui.timeline.TimelineViewModel timeline() {
        return timeline;
    }

    public ModelViewModel model() {
        return model;
    }

    public NotesViewModel notes() {
        return notes;
    }

    public ObservableList<Path> recentProjects() {
        return recent.list();
    }

    public ObjectProperty<Path> projectFileProperty() {
        return projectFile;
    }

    /** Saves inputs, settings and notes as a project, atomically; reports a failure as an error. */
    public boolean saveProject(Path file) {
        StartViewModel in = start;
        List<String> categorical = new ArrayList<>();
        List<String> numeric = new ArrayList<>();
        in.choices().forEach((column, choice) -> (choice == TypeChoice.NUMERIC ? numeric : categorical).add(column));
        WorkbenchProject project = new WorkbenchProject(ProjectStore.FORMAT_VERSION,
                ProjectStore.store(file, in.trainProperty().get()), ProjectStore.store(file, in.prodProperty().get()),
                ProjectStore.store(file, in.modelProperty().get()), in.targetProperty().get(), in.taskProperty().get(),
                categorical, numeric, Map.copyOf(notes.all()), in.timeColumnProperty().get(), in.chunkProperty().get(),
                ProjectStore.store(file, in.referenceProperty().get()));
        try {
            projects.save(project, file);
        } catch (ProjectFileException e) {
            showError(new UserError(Text.get("error.project.save.title"), e.getMessage(), String.valueOf(e.getCause())));
            return false;
        }
        projectFile.set(file);
        recent.remember(file);
        status.unbind();
        status.set(Text.get("project.saved", file.getFileName()));
        return true;
    }

    /**
     * Reads a project. The inputs it names that no longer exist are listed in the result so the view
     * can ask where they went before {@link #applyProject} is called; {@code null} when unreadable.
     */
    public ProjectLoad loadProject(Path file) {
        try {
            WorkbenchProject project = projects.load(file);
            return new ProjectLoad(file, project, ProjectStore.missingInputs(file, project),
                    ProjectStore.outsideInputs(file, project));
        } catch (ProjectFileException e) {
            showError(new UserError(Text.get("error.project.open.title"), e.getMessage(), String.valueOf(e.getCause())));
            return null;
        }
    }

    /**
     * Applies a loaded project with the replacements the user gave for moved inputs (a missing input
     * without a replacement is left empty for the user to choose; nothing fails).
     */
    public void applyProject(ProjectLoad load, Map<Path, Path> replacements) {
        Path file = load.file();
        WorkbenchProject project = load.project();
        Map<String, TypeChoice> choices = new java.util.LinkedHashMap<>();
        project.categorical().forEach(c -> choices.put(c, TypeChoice.CATEGORICAL));
        project.numeric().forEach(c -> choices.put(c, TypeChoice.NUMERIC));
        start.restore(located(file, project.train(), load, replacements), located(file, project.prod(), load, replacements),
                located(file, project.model(), load, replacements), project.target(), project.task(), choices);
        start.referenceProperty().set(located(file, project.reference(), load, replacements));
        start.timeColumnProperty().set(project.timeColumn());
        start.chunkProperty().set(project.chunk());
        notes.replaceAll(project.notes());
        projectFile.set(file);
        recent.remember(file);
        report.set(null);
        page.set(ViewId.START);
    }

    private static Path located(Path file, String stored, ProjectLoad load, Map<Path, Path> replacements) {
        Path path = ProjectStore.resolve(file, stored);
        if (path == null || !load.missing().contains(path)) {
            return path;
        }
        return replacements.get(path);
    }

    /**
     * A project read from disk (nothing it names has been read yet), with the inputs it names that
     * are missing and those that lie outside its folder: the view asks before applying a project
     * with {@link #outside()} inputs.
     */
    public record ProjectLoad(Path file, WorkbenchProject project, List<Path> missing, List<Path> outside) {

        public ProjectLoad(Path file, WorkbenchProject project, List<Path> missing) {
            this(file, project, missing, List.of());
        }

        /** Whether the user must confirm reading files outside the project's folder first. */
        public boolean needsConfirmation() {
            return !outside.isEmpty();
        }

        /** The question for the user: which files outside the folder the project would read. */
        public String confirmationText() {
            StringBuilder paths = new StringBuilder();
            outside.forEach(p -> paths.append("\n  ").append(p));
            return Text.get("project.outside.text", file.getFileName(), paths.toString());
        }
    }

    /**
     * Writes the report shown in {@code format} to {@code file} in the background; false when no report
     * is shown or the file is one of the inputs (refused, with an error shown).
     */
    public boolean export(ExportFormat format, Path file) {
        DiagnosticReport shown = report.get();
        if (shown == null) {
            return false;
        }
        java.util.Map<String, Path> inputs = new java.util.LinkedHashMap<>();
        inputs.put("training", start.trainProperty().get());
        inputs.put("production", start.prodProperty().get());
        inputs.put("model", start.modelProperty().get());
        try {
            org.modellens.data.InputFiles.checkOutputs(inputs, java.util.Map.of("The export", file));
        } catch (org.modellens.data.UnreadableInputException e) {
            showError(new UserError(Text.get("error.export.title"),
                    Text.get("error.export.message", file.getFileName(), e.getMessage()), e.getMessage()));
            return false;
        }
        org.modellens.report.ReportWriter writer = format.writer();
        Task<Path> export = new Task<>() {
            @Override
            protected Path call() throws Exception {
                updateMessage(Text.get("export.writing", file.getFileName()));
                updateProgress(-1, 1);
                org.modellens.data.AtomicFiles.write(file, out -> writer.write(shown, out));
                return file;
            }
        };
        running.set(true);
        progress.unbind();
        status.unbind();
        progress.bind(export.progressProperty());
        status.bind(export.messageProperty());
        export.setOnSucceeded(e -> endExport(Text.get("export.done", file.getFileName())));
        export.setOnFailed(e -> {
            endExport(Text.get("export.failed"));
            showError(new UserError(Text.get("error.export.title"),
                    Text.get("error.export.message", file.getFileName(), readable(export.getException())),
                    String.valueOf(export.getException())));
        });
        executor.execute(export);
        return true;
    }

    private void endExport(String message) {
        progress.unbind();
        status.unbind();
        progress.set(0);
        status.set(message);
        running.set(false);
    }
}
