package org.modellens.app.ui;

import javafx.scene.input.KeyCode;

/** The workbench's pages, in navigation order, with the digit that opens each (Ctrl+digit). */
public enum ViewId {
    START(KeyCode.DIGIT0),
    OVERVIEW(KeyCode.DIGIT1),
    FEATURES(KeyCode.DIGIT2),
    DRIFT(KeyCode.DIGIT3),
    EDGE_CASES(KeyCode.DIGIT4),
    EXPLANATIONS(KeyCode.DIGIT5),
    MODEL(KeyCode.DIGIT6),
    TIMELINE(KeyCode.DIGIT7);

    private final KeyCode shortcut;

    ViewId(KeyCode shortcut) {
        this.shortcut = shortcut;
    }

    public KeyCode shortcut() {
        return shortcut;
    }

    /** The bundle key of the page's name. */
    public String textKey() {
        return "view." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
