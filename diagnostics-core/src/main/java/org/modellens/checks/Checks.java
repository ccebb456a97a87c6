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
                new TypeMismatchCheck(), new UnitMismatchCheck(), new LeakageCheck(), new PiiCheck(), new ConflictingLabelsCheck(),
                new PredictionDriftCheck(), new PerformanceDropCheck(), new ConceptDriftCheck(), new DatasetDriftCheck(),
                new NonFiniteValuesCheck(), new InputFormatCheck(),
                new ModelFeaturesCheck(), new UnscorableRowsCheck(), new ModelCategoriesCheck(), new ModelOutputCheck());
    }
}
