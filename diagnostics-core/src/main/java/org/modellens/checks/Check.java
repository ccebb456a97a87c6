package org.modellens.checks;

import java.util.List;

/**
 * One diagnostic, identified by a stable id. A check reads the snapshots and the precomputed
 * per-feature statistics in the context and returns its findings; it computes no statistic that
 * the report shows elsewhere, so every figure has one source.
 */
public interface Check {

    /** The id written in reports (DESIGN.md section 4); never renamed. */
    String id();

    List<Finding> run(CheckContext context);
}
