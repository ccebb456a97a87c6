package org.modellens;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;

import org.modellens.checks.Settings;

/**
 * What to diagnose.
 *
 * @param train       training snapshot file
 * @param prod        production snapshot file
 * @param target      target column, or {@code null}
 * @param task        auto, binary, multiclass or regression
 * @param categorical columns forced to be categorical
 * @param numeric     columns forced to be numeric
 * @param settings    thresholds
 */
public record DiagnosisRequest(Path train, Path prod, String target, String task,
                               Set<String> categorical, Set<String> numeric, Settings settings) {

    public DiagnosisRequest {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(prod, "prod");
        task = task == null ? "auto" : task;
        categorical = Set.copyOf(categorical);
        numeric = Set.copyOf(numeric);
        Objects.requireNonNull(settings, "settings");
    }
}
