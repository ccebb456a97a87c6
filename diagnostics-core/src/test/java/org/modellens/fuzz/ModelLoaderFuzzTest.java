package org.modellens.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.modellens.data.UnreadableInputException;
import org.modellens.model.FeatureMatrix;
import org.modellens.model.Model;
import org.modellens.model.ModelLoader;

/**
 * Fuzzes every model loader with damaged copies (see {@link Damage}) of valid model files (XGBoost
 * JSON and UBJSON, LightGBM text, ONNX). Each copy must load into
 * a model that scores a row, or end in one clear line naming the file; any other throwable is a bug.
 * Time-boxed by {@link FuzzTimeBox}.
 */
@AddLifecycleHook(FuzzTimeBox.class)
class ModelLoaderFuzzTest {

    private static final List<String> FIXTURES = List.of("/org/modellens/explain/binary.json",
            "/org/modellens/explain/multiclass.ubj", "/org/modellens/model/lightgbm-handmade.txt",
            "/org/modellens/model/logistic.onnx");

    /** A damaged copy of one of the fixtures. */
    record DamagedFixture(int fixture, Damage damage) {
    }

    @Property(tries = FuzzTimeBox.UNBOUNDED_TRIES)
    void damagedModelLoadsAndScoresOrGivesAOneLineMessage(@ForAll("damage") DamagedFixture damaged) throws IOException {
        String fixture = FIXTURES.get(damaged.fixture());
        byte[] original;
        try (InputStream in = getClass().getResourceAsStream(fixture)) {
            original = in.readAllBytes();
        }
        String name = "damaged" + fixture.substring(fixture.lastIndexOf('.'));
        Path dir = Files.createDirectories(Path.of("target", "fuzz", "models"));
        Path file = dir.resolve(name);
        Files.write(file, damaged.damage().apply(original));
        try {
            Model model = ModelLoader.load(file, List.of());
            int width = model.features().size();
            FeatureMatrix row = new FeatureMatrix(1, width, new double[width]);
            assertThat(model.predict(row).rows()).isEqualTo(1);
        } catch (UnreadableInputException e) {
            assertThat(e.getMessage()).startsWith(name).doesNotContain("\n").doesNotContain("Exception:");
        }
    }

    @Provide
    Arbitrary<DamagedFixture> damage() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, FIXTURES.size() - 1), Damage.any())
                .as(DamagedFixture::new);
    }
}
