package org.modellens.causes;

import java.util.List;
import java.util.Objects;

import org.modellens.checks.Severity;

/**
 * One thing that went wrong in the world or the pipeline, with the findings that are its symptoms
 * and what it costs the model (DESIGN.md section 5).
 *
 * @param rank       1 for the cause that costs the model most
 * @param kind       unit-change, renamed-column, missing-column, text-numbers, missing-values,
 *                   unseen-categories, range-shift, covariate-shift, concept-shift, label-shift, leakage,
 *                   constant-in-training, stuck-in-production, duplicates, personal-data, ...
 * @param features   the columns concerned; empty for a dataset-level cause
 * @param modelInput whether any of its features is a model input (false without a model)
 * @param severity   the highest severity of its findings
 * @param title      one line a stakeholder understands
 * @param whatToDo   one concrete action
 * @param findings   indices into the report's findings, at least one
 * @param impact     what it costs the model
 */
public record Cause(int rank, String kind, List<String> features, boolean modelInput, Severity severity,
                    String title, String whatToDo, List<Integer> findings, CauseImpact impact) {

    public Cause {
        Objects.requireNonNull(kind, "kind");
        features = List.copyOf(features);
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(whatToDo, "whatToDo");
        findings = List.copyOf(findings);
        Objects.requireNonNull(impact, "impact");
    }

    /** The same cause at another rank. */
    public Cause withRank(int newRank) {
        return new Cause(newRank, kind, features, modelInput, severity, title, whatToDo, findings, impact);
    }

    /** The same cause with its impact measured. */
    public Cause withImpact(CauseImpact measured) {
        return new Cause(rank, kind, features, modelInput, severity, title, whatToDo, findings, measured);
    }
}
