package org.modellens.app.ui;

import java.util.Map;

import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import org.modellens.checks.Finding;

/**
 * The user's notes, one per finding, kept in the workbench project. A finding is known by its check
 * and column, so a note stays with it when the analysis is run again.
 */
public final class NotesViewModel {

    private final ObservableMap<String, String> notes = FXCollections.observableHashMap();

    public static String key(Finding finding) {
        return finding.check() + (finding.feature() == null ? "" : ":" + finding.feature());
    }

    public String note(Finding finding) {
        return notes.getOrDefault(key(finding), "");
    }

    public void setNote(Finding finding, String text) {
        if (text == null || text.isBlank()) {
            notes.remove(key(finding));
        } else {
            notes.put(key(finding), text);
        }
    }

    public ObservableMap<String, String> all() {
        return notes;
    }

    public void replaceAll(Map<String, String> saved) {
        notes.clear();
        notes.putAll(saved);
    }
}
