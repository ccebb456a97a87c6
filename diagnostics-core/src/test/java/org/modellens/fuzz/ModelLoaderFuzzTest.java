package org.modellens.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
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
 * Fuzzes every model loader with damaged copies of valid model files (XGBoost JSON and UBJSON,
 * LightGBM text, ONNX): bytes overwritten, cut short, or a run duplicated. Each copy must load into
 * a model that scores a row, or end in one clear line naming the file; any other throwable is a bug.
 * Time-boxed by {@link FuzzTimeBox}.
 */
@AddLifecycleHook(FuzzTimeBox.class)
class ModelLoaderFuzzTest {

    private static final List<String> FIXTURES = List.of("/org/modellens/explain/binary.json",
            "/org/modellens/explain/multiclass.ubj", "/org/modellens/model/lightgbm-handmade.txt",
            "/org/modellens/model/logistic.onnx");

    /** One way to damage a file: which fixture, what to do, where (a fraction of the length), with which bytes. */
    record Damage(int fixture, int kind, double where, int length, byte[] bytes) {

        byte[] apply(byte[] original) {
            int at = (int) (where * original.length);
            return switch (kind) {
                case 0 -> { // overwrite
                    byte[] copy = original.clone();
                    for (int i = 0; i < bytes.length && at + i < copy.length; i++) {
                        copy[at + i] = bytes[i];
                    }
                    yield copy;
                }
                case 1 -> java.util.Arrays.copyOf(original, at); // truncate
                default -> { // duplicate a run
                    int end = Math.min(original.length, at + length);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(original, 0, end);
                    out.write(original, at, end - at);
                    out.write(original, end, original.length - end);
                    yield out.toByteArray();
                }
            };
        }
    }

    @Property(tries = FuzzTimeBox.UNBOUNDED_TRIES)
    void damagedModelLoadsAndScoresOrGivesAOneLineMessage(@ForAll("damage") Damage damage) throws IOException {
        String fixture = FIXTURES.get(damage.fixture());
        byte[] original;
        try (InputStream in = getClass().getResourceAsStream(fixture)) {
            original = in.readAllBytes();
        }
        String name = "damaged" + fixture.substring(fixture.lastIndexOf('.'));
        Path dir = Files.createDirectories(Path.of("target", "fuzz", "models"));
        Path file = dir.resolve(name);
        Files.write(file, damage.apply(original));
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
    Arbitrary<Damage> damage() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, FIXTURES.size() - 1),
                        Arbitraries.integers().between(0, 2), Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(1, 64), Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8))
                .as(Damage::new);
    }
}
