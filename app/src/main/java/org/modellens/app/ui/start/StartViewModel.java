package org.modellens.app.ui.start;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

import org.modellens.DiagnosisRequest;
import org.modellens.app.ui.SampleCase;
import org.modellens.app.ui.Text;
import org.modellens.app.ui.UserError;
import org.modellens.data.SnapshotReaders;
import org.modellens.settings.Settings;

/**
 * The inputs of an analysis: the files, the target, the task and column-type overrides. Choosing a
 * training file reads its column names in the background so the target and the overrides can be picked.
 */
public final class StartViewModel {

    /** Tasks the core accepts (DESIGN.md section 2). */
    public static final List<String> TASKS = List.of("auto", "binary", "multiclass", "regression");

    private final Executor executor;
    private final Consumer<UserError> errors;

    private final ObjectProperty<Path> train = new SimpleObjectProperty<>(this, "train");
    private final ObjectProperty<Path> prod = new SimpleObjectProperty<>(this, "prod");
    private final ObjectProperty<Path> model = new SimpleObjectProperty<>(this, "model");
    private final ObjectProperty<Path> reference = new SimpleObjectProperty<>(this, "reference");
    private final StringProperty target = new SimpleStringProperty(this, "target");
    private final StringProperty task = new SimpleStringProperty(this, "task", "auto");
    private final StringProperty timeColumn = new SimpleStringProperty(this, "timeColumn");
    private final StringProperty chunk = new SimpleStringProperty(this, "chunk");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<ColumnOverride> overrides = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper readingColumns = new ReadOnlyBooleanWrapper(this, "readingColumns");
    private final BooleanProperty sample = new SimpleBooleanProperty(this, "sample");
    private final BooleanBinding ready = train.isNotNull().and(prod.isNotNull()).and(readingColumns.not());
    /** Overrides to apply once the training columns are known (from a project or the sample case). */
    private Map<String, TypeChoice> pendingChoices = Map.of();
    /** The target a case opened with, set again once its columns are read (a picker may clear it meanwhile). */
    private String pendingTarget;

    public StartViewModel(Executor executor, Consumer<UserError> errors) {
        this.executor = executor;
        this.errors = errors;
        train.addListener((obs, old, path) -> readColumns(path));
    }

    public ObjectProperty<Path> trainProperty() {
        return train;
    }

    public ObjectProperty<Path> prodProperty() {
        return prod;
    }

    /** The model file; kept in the project. The core's model loading reads it once it lands (see {@link #request}). */
    public ObjectProperty<Path> modelProperty() {
        return model;
    }

    /** Held-out labelled data from the training period ({@code --reference}); {@code null} for none. */
    public ObjectProperty<Path> referenceProperty() {
        return reference;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public StringProperty taskProperty() {
        return task;
    }

    /** Production's time column: production is then also measured chunk by chunk; {@code null} or blank for none. */
    public StringProperty timeColumnProperty() {
        return timeColumn;
    }

    /** day, week, month or a row count; {@code null} or blank for the default from the span and row count. */
    public StringProperty chunkProperty() {
        return chunk;
    }

    /** The chunk choices offered besides a typed row count; blank is the default. */
    public static final List<String> CHUNKS = List.of("", "day", "week", "month");

    public ObservableList<String> columns() {
        return columns;
    }

    public ObservableList<ColumnOverride> overrides() {
        return overrides;
    }

    public ReadOnlyBooleanProperty readingColumnsProperty() {
        return readingColumns.getReadOnlyProperty();
    }

    /** True when the inputs are the bundled sample case. */
    public BooleanProperty sampleProperty() {
        return sample;
    }

    /** True when an analysis can start: both snapshots chosen and their columns read. */
    public BooleanBinding readyProperty() {
        return ready;
    }

    /** Fills in the bundled sample case: its two snapshots and its target. */
    public void useSampleCase() {
        pendingChoices = Map.of();
        pendingTarget = SampleCase.TARGET;
        target.set(SampleCase.TARGET);
        task.set("auto");
        timeColumn.set(SampleCase.TIME_COLUMN);
        chunk.set(null);
        model.set(SampleCase.model());
        reference.set(SampleCase.reference());
        prod.set(SampleCase.prod());
        train.set(SampleCase.train());
        sample.set(true);
    }

    /** Detaches the chosen model: the analysis then runs on the data alone. */
    public void removeModel() {
        model.set(null);
    }

    /**
     * Takes files dropped on the start page: two data files are training then production; a single
     * one fills training, or production when training is already chosen; anything else is the model.
     */
    public void acceptDropped(List<Path> files) {
        List<Path> data = files.stream().filter(StartViewModel::isDataFile).toList();
        java.util.Optional<Path> droppedModel = files.stream().filter(f -> !isDataFile(f)).reduce((first, second) -> second);
        // Two new snapshots are a new case: the previous case's model does not come along unless dropped with them.
        model.set(droppedModel.orElse(data.size() >= 2 ? null : model.get()));
        if (data.isEmpty()) {
            return;
        }
        if (sample.get() || data.size() >= 2) {
            reference.set(null); // a new case: the sample's held-out rows are not its reference
        }
        sample.set(false);
        if (data.size() >= 2) {
            prod.set(data.get(1));
            train.set(data.get(0));
        } else if (train.get() == null) {
            train.set(data.get(0));
        } else {
            prod.set(data.get(0));
        }
    }

    static boolean isDataFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".parquet") || name.endsWith(".parq")
                || name.endsWith(".xlsx") || name.endsWith(".xlsm");
    }

    /** Sets the inputs from a saved project; overrides apply when the training columns have been read. */
    public void restore(Path trainFile, Path prodFile, Path modelFile, String targetColumn, String taskName,
                        Map<String, TypeChoice> choices) {
        pendingChoices = Map.copyOf(choices);
        pendingTarget = targetColumn;
        target.set(targetColumn);
        task.set(taskName == null ? "auto" : taskName);
        model.set(modelFile);
        reference.set(null);
        prod.set(prodFile);
        sample.set(false);
        if (java.util.Objects.equals(train.get(), trainFile)) {
            applyChoices();
        } else {
            train.set(trainFile);
        }
    }

    /** The chosen type of each column that is not left to inference. */
    public Map<String, TypeChoice> choices() {
        Map<String, TypeChoice> chosen = new java.util.LinkedHashMap<>();
        overrides.stream().filter(o -> o.choiceProperty().get() != TypeChoice.AUTO)
                .forEach(o -> chosen.put(o.column(), o.choiceProperty().get()));
        return chosen;
    }

    /** The request for the core: files, target, task, type overrides and the model, if one was chosen. */
    public DiagnosisRequest request(Settings settings) {
        Set<String> categorical = new LinkedHashSet<>();
        Set<String> numeric = new LinkedHashSet<>();
        choices().forEach((column, choice) -> (choice == TypeChoice.NUMERIC ? numeric : categorical).add(column));
        String chosenTarget = target.get() == null || target.get().isBlank() ? null : target.get();
        DiagnosisRequest request = new DiagnosisRequest(train.get(), prod.get(), chosenTarget, task.get(), categorical, numeric,
                settings, model.get(), List.of(), null);
        if (reference.get() != null) {
            request = request.withReference(reference.get());
        }
        String time = blankToNull(timeColumn.get());
        String chunking = blankToNull(chunk.get());
        return time == null && chunking == null ? request : request.withTime(time, chunking);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private void readColumns(Path path) {
        columns.clear();
        overrides.clear();
        if (path == null) {
            return;
        }
        readingColumns.set(true);
        Task<List<String>> read = new Task<>() {
            @Override
            protected List<String> call() throws Exception {
                // The header alone: a moment for any size, where reading the rows took seconds.
                return SnapshotReaders.columnNames(path);
            }
        };
        read.setOnSucceeded(e -> {
            if (!path.equals(train.get())) {
                return;
            }
            List<String> names = read.getValue();
            columns.setAll(names);
            names.forEach(name -> overrides.add(new ColumnOverride(name)));
            if (pendingTarget != null && names.contains(pendingTarget)) {
                target.set(pendingTarget);
            } else if (target.get() != null && !names.contains(target.get())) {
                target.set(null);
            }
            pendingTarget = null;
            if (timeColumn.get() != null && !names.contains(timeColumn.get())) {
                timeColumn.set(null);
            }
            applyChoices();
            // Last, so whoever waits for "ready" finds the columns and overrides in place.
            readingColumns.set(false);
        });
        read.setOnFailed(e -> {
            if (!path.equals(train.get())) {
                return;
            }
            readingColumns.set(false);
            train.set(null);
            Throwable error = read.getException();
            errors.accept(new UserError(Text.get("error.open.title"),
                    Text.get("error.open.message", path.getFileName(), org.modellens.Failures.describe(error)), String.valueOf(error)));
        });
        executor.execute(read);
    }

    private void applyChoices() {
        overrides.forEach(o -> o.choiceProperty().set(pendingChoices.getOrDefault(o.column(), TypeChoice.AUTO)));
        pendingChoices = Map.of();
    }

    /** Text describing a chosen file, for the start page. */
    public static javafx.beans.binding.StringBinding describe(ObjectProperty<Path> file) {
        return Bindings.createStringBinding(() -> file.get() == null ? Text.get("start.file.none")
                : file.get().getFileName().toString(), file);
    }
}
