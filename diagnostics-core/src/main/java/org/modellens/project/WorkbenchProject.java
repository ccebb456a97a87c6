package org.modellens.project;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A saved workbench session. Input paths are stored relative to the project file when they sit
 * beside or below it (so a folder moved whole still opens), absolute otherwise.
 *
 * @param formatVersion the project file format ({@link ProjectStore#FORMAT_VERSION} when written)
 * @param train         training snapshot path as stored
 * @param prod          production snapshot path as stored
 * @param model         model file path as stored, or {@code null}
 * @param target        target column, or {@code null}
 * @param task          auto, binary, multiclass or regression
 * @param categorical   columns forced categorical
 * @param numeric       columns forced numeric
 * @param notes         the user's note per finding, keyed "check:column" (or "check" for dataset-level findings)
 * @param timeColumn    production's time column ({@code --time-column}), or {@code null}
 * @param chunk         day, week, month or a row count ({@code --chunk}), or {@code null} for the default
 * @param reference     held-out labelled data of the training period ({@code --reference}) as stored, or {@code null}
 */
public record WorkbenchProject(int formatVersion, String train, String prod, String model, String target, String task,
                               List<String> categorical, List<String> numeric, Map<String, String> notes,
                               String timeColumn, String chunk, String reference) {

    public WorkbenchProject {
        categorical = categorical == null ? List.of() : List.copyOf(categorical);
        numeric = numeric == null ? List.of() : List.copyOf(numeric);
        // Sorted so that saving the same project twice writes the same bytes.
        notes = notes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(notes));
        task = task == null ? "auto" : task;
    }

    /** A project without a reference (projects saved before the reference was kept read this way too). */
    public WorkbenchProject(int formatVersion, String train, String prod, String model, String target, String task,
                            List<String> categorical, List<String> numeric, Map<String, String> notes,
                            String timeColumn, String chunk) {
        this(formatVersion, train, prod, model, target, task, categorical, numeric, notes, timeColumn, chunk, null);
    }

    /** A project without a time column (projects saved before the timeline read this way too). */
    public WorkbenchProject(int formatVersion, String train, String prod, String model, String target, String task,
                            List<String> categorical, List<String> numeric, Map<String, String> notes) {
        this(formatVersion, train, prod, model, target, task, categorical, numeric, notes, null, null, null);
    }

    /** The stored paths of every input the project names (absent ones left out): what is checked before opening. */
    public List<String> inputs() {
        List<String> named = new java.util.ArrayList<>();
        for (String stored : new String[] {train, prod, model, reference}) {
            if (stored != null) {
                named.add(stored);
            }
        }
        return named;
    }
}
