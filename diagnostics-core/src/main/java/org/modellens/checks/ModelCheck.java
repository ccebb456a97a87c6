package org.modellens.checks;

import java.util.List;

import org.modellens.model.ModelRun;

/** A check of the model's run over the snapshots: without a model it has nothing to say. */
interface ModelCheck extends Check {

    @Override
    default List<Finding> run(CheckContext context) {
        return context.model().map(model -> run(model, context)).orElse(List.of());
    }

    /** The findings on {@code model}, the run of the context's model. */
    List<Finding> run(ModelRun model, CheckContext context);
}
