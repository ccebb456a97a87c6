package org.modellens.app.ui;

import org.modellens.checks.Severity;

/** Style-class names the views use; app.css gives them their look through the theme tokens. */
public final class Styles {

    public static final String CARD = "card";
    public static final String CARD_TITLE = "card-title";
    public static final String PAGE = "page";
    public static final String PAGE_TITLE = "page-title";
    public static final String MUTED = "muted";
    public static final String EMPTY_STATE = "empty-state";
    public static final String EMPTY_PANE = "empty-pane";
    public static final String STAT_TABLE = "stat-table";
    public static final String NUMERIC = "numeric";
    public static final String NAV = "nav";
    public static final String NAV_BUTTON = "nav-button";
    public static final String TOOLBAR = "workbench-toolbar";
    public static final String STATUS_BAR = "status-bar";
    public static final String VERDICT = "verdict";
    public static final String COUNT_TILE = "count-tile";
    public static final String COUNT_VALUE = "count-value";
    public static final String COUNT_LABEL = "count-label";
    public static final String BADGE = "badge";
    public static final String FINDING_CELL = "finding-cell";
    public static final String FINDING_TITLE = "finding-title";
    public static final String FINDING_META = "finding-meta";
    public static final String DROP_ZONE = "drop-zone";
    public static final String DROP_ACTIVE = "drop-active";
    public static final String PRIMARY = "primary";
    public static final String HERO = "hero";
    public static final String UNSEEN = "unseen";
    public static final String HIGHLIGHT = "highlight";
    public static final String SERIES_TRAIN = "series-train";
    public static final String SERIES_PROD = "series-prod";
    public static final String KS_MARK = "ks-mark";
    public static final String SPARKLINE = "sparkline";
    public static final String MODEL_INPUT = "model-input";
    public static final String CAUSE_RANK = "cause-rank";
    public static final String CAUSE_IMPACT = "cause-impact";

    private Styles() {
    }

    /** severity-fail, severity-warn or severity-info. */
    public static String severity(Severity severity) {
        return "severity-" + severity.jsonName();
    }
}
