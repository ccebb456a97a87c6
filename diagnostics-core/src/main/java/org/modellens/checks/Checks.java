package org.modellens.checks;

import java.util.List;

/** The catalogue of checks run by a diagnosis, in report order. */
public final class Checks {

    private Checks() {
    }

    public static List<Check> all() {
        return List.of(new SchemaMismatchCheck(), new FeatureDriftCheck(), new LabelDriftCheck(), new MissingValuesCheck(),
                new UnseenCategoryCheck(), new OutOfRangeCheck(), new OutliersCheck(),
                new ConstantFeatureCheck(), new DuplicateRowsCheck(),
                new ModelFeaturesCheck(), new UnscorableRowsCheck());
    }
}
