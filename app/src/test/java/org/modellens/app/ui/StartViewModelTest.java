package org.modellens.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.modellens.DiagnosisRequest;
import org.modellens.app.ui.start.ColumnOverride;
import org.modellens.app.ui.start.StartViewModel;
import org.modellens.app.ui.start.TypeChoice;
import org.modellens.settings.Settings;

/** The start page's inputs: dropped files, overrides into the request. Column reading is held back here. */
class StartViewModelTest {

    private final List<Runnable> background = new ArrayList<>();
    private final StartViewModel start = new StartViewModel(background::add, error -> { });

    @Test
    void droppedFilesFillTrainingProductionAndModel() {
        start.acceptDropped(List.of(Path.of("train.csv"), Path.of("model.json"), Path.of("prod.parquet")));

        assertThat(start.trainProperty().get()).isEqualTo(Path.of("train.csv"));
        assertThat(start.prodProperty().get()).isEqualTo(Path.of("prod.parquet"));
        assertThat(start.modelProperty().get()).isEqualTo(Path.of("model.json"));
        assertThat(background).as("the training columns are read in the background").hasSize(1);

        start.acceptDropped(List.of(Path.of("june.xlsx")));
        assertThat(start.trainProperty().get()).isEqualTo(Path.of("train.csv"));
        assertThat(start.prodProperty().get()).isEqualTo(Path.of("june.xlsx"));

        start.acceptDropped(List.of(Path.of("a.csv"), Path.of("b.csv")));
        assertThat(start.trainProperty().get()).isEqualTo(Path.of("a.csv"));
        assertThat(start.prodProperty().get()).isEqualTo(Path.of("b.csv"));
    }

    @Test
    void typeOverridesAndTargetGoIntoTheRequest() {
        start.trainProperty().set(Path.of("t.csv"));
        start.prodProperty().set(Path.of("p.csv"));
        start.targetProperty().set("y");
        ColumnOverride zip = new ColumnOverride("zip");
        ColumnOverride amount = new ColumnOverride("amount");
        ColumnOverride age = new ColumnOverride("age");
        start.overrides().setAll(zip, amount, age);
        zip.choiceProperty().set(TypeChoice.CATEGORICAL);
        amount.choiceProperty().set(TypeChoice.NUMERIC);

        DiagnosisRequest request = start.request(Settings.defaults());

        assertThat(request.categorical()).containsExactly("zip");
        assertThat(request.numeric()).containsExactly("amount");
        assertThat(request.target()).isEqualTo("y");
        assertThat(start.choices()).isEqualTo(Map.of("zip", TypeChoice.CATEGORICAL, "amount", TypeChoice.NUMERIC));
    }

    @Test
    void aChosenModelCanBeRemovedAndDoesNotFollowANewPairOfSnapshots() {
        start.acceptDropped(List.of(Path.of("train.csv"), Path.of("prod.csv"), Path.of("model.json")));
        start.removeModel();
        assertThat(start.modelProperty().get()).isNull();
        assertThat(start.request(Settings.defaults()).model()).isNull();

        start.modelProperty().set(Path.of("model.json"));
        start.acceptDropped(List.of(Path.of("june-train.csv"), Path.of("june-prod.csv")));
        assertThat(start.modelProperty().get()).as("the previous case's model after a new pair of snapshots").isNull();

        start.acceptDropped(List.of(Path.of("xgb.json")));
        start.acceptDropped(List.of(Path.of("july-prod.csv")));
        assertThat(start.modelProperty().get()).as("a new production snapshot alone keeps the model").isEqualTo(Path.of("xgb.json"));
    }
}
