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

    /**
     * Issue 19's hostile shapes as seeds: deep nesting, huge declared sizes (num_feature, num_class,
     * num_leaves), a tree 100,000 splits deep, external data and the memory-address tag, a huge
     * ConstantOfShape. Damaged further, each must still end in one line or a model that scores.
     */
    static List<java.util.Map.Entry<String, byte[]>> hostileSeeds() {
        List<java.util.Map.Entry<String, byte[]>> seeds = new java.util.ArrayList<>();
        seeds.add(java.util.Map.entry("deep.json", ("{\"learner\": " + "[".repeat(5000) + "]".repeat(5000) + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        seeds.add(java.util.Map.entry("features.json", org.modellens.hostile.HostileModels.xgboost(root ->
                ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("learner").get("learner_model_param"))
                        .put("num_feature", "2147483647"))));
        seeds.add(java.util.Map.entry("chain.json", org.modellens.hostile.HostileModels.xgboostChain(100_000)));
        seeds.add(java.util.Map.entry("leaves.txt", org.modellens.hostile.HostileModels.lightgbm("num_leaves=3",
                "num_leaves=2147483647")));
        seeds.add(java.util.Map.entry("features.txt", org.modellens.hostile.HostileModels.lightgbm("max_feature_idx=2",
                "max_feature_idx=2147483646")));
        for (String onnx : List.of("memory-address", "external-data", "external-in-subgraph", "constant-of-shape")) {
            try (InputStream in = ModelLoaderFuzzTest.class.getResourceAsStream("/org/modellens/hostile/" + onnx + ".onnx")) {
                seeds.add(java.util.Map.entry(onnx + ".onnx", in.readAllBytes()));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return seeds;
    }

    private static final List<java.util.Map.Entry<String, byte[]>> HOSTILE = hostileSeeds();

    @Property(tries = FuzzTimeBox.UNBOUNDED_TRIES)
    void damagedHostileModelEndsInOneLine(@ForAll("hostile") DamagedFixture damaged) throws IOException {
        java.util.Map.Entry<String, byte[]> seed = HOSTILE.get(damaged.fixture());
        Path file = Files.createDirectories(Path.of("target", "fuzz", "hostile")).resolve(seed.getKey());
        Files.write(file, damaged.damage().apply(seed.getValue()));
        try {
            Model model = ModelLoader.load(file, List.of());
            int width = model.features().size();
            assertThat(model.predict(new FeatureMatrix(1, width, new double[width])).rows()).isEqualTo(1);
        } catch (UnreadableInputException e) {
            assertThat(e.getMessage()).startsWith(seed.getKey()).doesNotContain("\n").doesNotContain("Exception:");
        }
    }

    @Provide
    Arbitrary<DamagedFixture> hostile() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, HOSTILE.size() - 1), Damage.any())
                .as(DamagedFixture::new);
    }

    @Provide
    Arbitrary<DamagedFixture> damage() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, FIXTURES.size() - 1), Damage.any())
                .as(DamagedFixture::new);
    }
}
