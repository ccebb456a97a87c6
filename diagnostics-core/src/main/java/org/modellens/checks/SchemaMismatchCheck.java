package org.modellens.checks;

import java.util.ArrayList;
import java.util.List;

/**
 * schema-mismatch: columns present in one snapshot and not the other. A training column missing from
 * production cannot be fed to the model ({@code fail}); an extra production column is {@code info}.
 * A target absent from production means unlabelled production data, not a broken schema.
 */
public final class SchemaMismatchCheck implements Check {

    public static final String ID = "schema-mismatch";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> run(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        String target = context.target().orElse(null);
        for (String name : context.train().columnNames()) {
            if (context.prod().hasColumn(name)) {
                continue;
            }
            if (name.equals(target)) {
                findings.add(new Finding(ID, name, Severity.INFO, "Production has no target column " + name,
                        "Production is unlabelled, so label drift and model quality on production cannot be measured.",
                        new Evidence().put("column", name).map(), null));
            } else {
                findings.add(new Finding(ID, name, Severity.FAIL, "Column " + name + " is missing from production",
                        "Training has a column " + name + " that the production file " + context.prod().source().fileName()
                                + " lacks. A model trained with it cannot score production rows as trained.",
                        new Evidence().put("column", name).put("presentIn", "training").map(), null));
            }
        }
        for (String name : context.prod().columnNames()) {
            if (!context.train().hasColumn(name)) {
                findings.add(new Finding(ID, name, Severity.INFO, "Production has an extra column " + name,
                        "The production file has a column " + name + " that training lacks; the model ignores it.",
                        new Evidence().put("column", name).put("presentIn", "production").map(), null));
            }
        }
        return findings;
    }
}
