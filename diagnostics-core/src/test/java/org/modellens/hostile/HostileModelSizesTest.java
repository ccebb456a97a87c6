package org.modellens.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.data.UnreadableInputException;
import org.modellens.model.ModelLoader;
import org.modellens.model.TreeEnsemble;

/**
 * Issue 19: sizes read from a model file were trusted before allocating (OutOfMemoryError,
 * NegativeArraySizeException), and a tree 100,000 splits deep overflowed the stack. Each is now
 * refused in one line naming the file and the declared value, before any allocation.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileModelSizesTest {

    @TempDir
    Path dir;

    private String refusal(String name, byte[] bytes) throws Exception {
        Path file = HostileModels.write(dir, name, bytes);
        try {
            ModelLoader.load(file, List.of());
        } catch (UnreadableInputException e) {
            assertThat(e.getMessage()).startsWith(name).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError(name + " was loaded");
    }

    @Test
    void xgboostNumFeatureNearIntMaxIsRefused() throws Exception {
        String message = refusal("features.json", HostileModels.xgboost(root -> {
            HostileModels.learner(root).remove("feature_names");
            HostileModels.learner(root).remove("feature_types");
            HostileModels.params(root).put("num_feature", "2147483647");
        }));

        assertThat(message).isEqualTo("features.json: num_feature is 2147483647, more than the file can hold "
                + "(at most 1000000); the file is damaged or hostile");
    }

    @Test
    void xgboostNumClassOfTwoBillionIsRefused() throws Exception {
        String message = refusal("classes.json", HostileModels.xgboost(root -> {
            ((com.fasterxml.jackson.databind.node.ObjectNode) HostileModels.learner(root).get("objective"))
                    .put("name", "multi:softprob");
            HostileModels.params(root).put("num_class", "2000000000");
        }));

        assertThat(message).startsWith("classes.json: num_class is 2000000000, more than the file can hold (at most 40)");
    }

    @Test
    void lightgbmNumLeavesBeyondItsLeafValuesIsRefused() throws Exception {
        assertThat(refusal("leaves.txt", HostileModels.lightgbm("num_leaves=3", "num_leaves=100000000")))
                .startsWith("leaves.txt, line 12: num_leaves is 100000000, more than the file can hold (at most 6)");
        assertThat(refusal("overflow.txt", HostileModels.lightgbm("num_leaves=3", "num_leaves=2147483647")))
                .startsWith("overflow.txt, line 12: num_leaves is 2147483647, more than the file can hold");
    }

    @Test
    void lightgbmMaxFeatureIdxNearIntMaxIsRefusedWithoutOverflow() throws Exception {
        assertThat(refusal("features.txt", HostileModels.lightgbm("max_feature_idx=2", "max_feature_idx=2147483646")))
                .isEqualTo("features.txt: max_feature_idx + 1 is 2147483647, more than the file can hold (at most 1000000); "
                        + "the file is damaged or hostile");
        assertThat(refusal("wrap.txt", HostileModels.lightgbm("max_feature_idx=2", "max_feature_idx=2147483647")))
                .contains("max_feature_idx + 1 is 2147483648");
    }

    @Test
    void aTreeOneHundredThousandSplitsDeepIsRefusedWithoutRecursion() throws Exception {
        String message = refusal("deep.json", HostileModels.xgboostChain(100_000));

        assertThat(message).isEqualTo("deep.json: tree 0 is more than 1000 splits deep; boosted trees are far shallower, "
                + "so the file is damaged or hostile");
    }

    @Test
    void aTreeOfSharedNodesIsRefusedNotWalkedExponentially() throws Exception {
        // Each internal node 2k points twice to node 2k+2 (children after the parent, as the reader
        // demands), so 61 nodes make 2^30 paths: the recursive walk never finished.
        int depth = 30;
        int n = 2 * depth + 1;
        int[] left = new int[n];
        int[] right = new int[n];
        java.util.Arrays.fill(left, -1);
        java.util.Arrays.fill(right, -1);
        for (int k = 0; k < depth; k++) {
            left[2 * k] = 2 * k + 2;
            right[2 * k] = 2 * k + 2;
        }

        String message = refusal("shared.json", HostileModels.xgboost(root -> HostileModels.oneTree(root, left, right, 0.1)));

        assertThat(message).matches("shared\\.json: tree 0 reaches node \\d+ twice \\(a cycle or a shared node\\): not a tree");
    }

    @Test
    void aDeepButSaneTreeStillLoadsAndScores() throws Exception {
        Path file = HostileModels.write(dir, "ok.json", HostileModels.xgboostChain(500));

        TreeEnsemble model = (TreeEnsemble) ModelLoader.load(file, List.of());

        assertThat(model.maxDepth()).isEqualTo(500);
    }
}
