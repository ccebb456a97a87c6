package org.modellens.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.modellens.data.Snapshot;
import org.modellens.data.SnapshotBuilder;
import org.modellens.data.SnapshotReaders;
import org.modellens.model.CategoryMismatch;
import org.modellens.model.Model;
import org.modellens.model.ModelLoader;
import org.modellens.model.ScoredModel;
import org.modellens.settings.Settings;

/**
 * A model with categorical inputs (XGBoost 1.7, trained on pandas categories) against production
 * data that no longer fits it: an unseen city, a colour column arriving as numeric codes, a visits
 * count fine. Each misfit is a finding naming the column, the rows and examples; nothing is scored
 * silently on a wrong code.
 */
class ModelCategoriesCheckTest {

    @TempDir
    Path dir;

    private static Path fixture(String name) throws Exception {
        return Path.of(ModelCategoriesCheckTest.class.getResource("/org/modellens/model/xgboost/v1.7.4/" + name).toURI());
    }

    private static Snapshot read(Path csv) throws Exception {
        return SnapshotBuilder.buildTraining(SnapshotReaders.read(csv), Set.of(), Set.of(), null);
    }

    @Test
    void unseenCategoriesAndCodesForLabelsAreFindings() throws Exception {
        List<String> lines = Files.readAllLines(fixture("test.csv"));
        List<String> changed = new ArrayList<>();
        changed.add(lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            // color (column 3) as the codes of another encoder; city (column 4) "Paris" in every tenth row
            cells[3] = cells[3].isEmpty() ? "" : String.valueOf(List.of("blue", "green", "red").indexOf(cells[3]));
            if (i % 10 == 0) {
                cells[4] = "Paris";
            }
            changed.add(String.join(",", cells));
        }
        Path prodFile = Files.write(dir.resolve("prod.csv"), changed);
        Snapshot train = read(fixture("train.csv"));
        Snapshot prod = read(prodFile);
        Model model = ModelLoader.load(fixture("binary-logistic.json"), List.of());

        ScoredModel scored = ScoredModel.score(null, model, train, prod);

        assertThat(scored.run().categoryMismatches()).extracting(CategoryMismatch::side, CategoryMismatch::feature,
                CategoryMismatch::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("production", "color", CategoryMismatch.Kind.NUMBERS_FOR_LABELS),
                org.assertj.core.groups.Tuple.tuple("production", "city", CategoryMismatch.Kind.UNSEEN_LABEL));
        CategoryMismatch city = scored.run().categoryMismatches().get(1);
        assertThat(city.examples()).containsExactly("Paris");
        assertThat(city.rows()).hasSize(20).contains(9, 19, 199);

        CheckContext context = new CheckContext(train, prod, null, Settings.defaults(), List.of(), scored.run());
        List<Finding> findings = new ModelCategoriesCheck().run(context);
        assertThat(findings).extracting(Finding::check, Finding::feature, Finding::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("type-mismatch", "color", Severity.FAIL),
                org.assertj.core.groups.Tuple.tuple("unseen-category", "city", Severity.FAIL)); // 10% of the rows, above model.unscorable.share.fail
        assertThat(findings.get(1).title()).isEqualTo("20 production rows of city hold categories the model never saw");
        assertThat(findings.get(1).detail()).contains("'Paris'").contains("reads these cells as missing");
        assertThat(findings.get(1).rows().count()).isEqualTo(20);
        assertThat(findings.get(0).title()).isEqualTo("color arrives as numbers in production, but the model reads it as "
                + "named categories");
    }

    @Test
    void aTrainingFileWithFewerCategoriesThanTheModelIsAWarning() throws Exception {
        // Training rows without Porto and Zurich: the model splits on codes the training file cannot give.
        List<String> lines = Files.readAllLines(fixture("train.csv"));
        List<String> kept = new ArrayList<>();
        kept.add(lines.get(0));
        lines.stream().skip(1).filter(l -> !l.contains(",Porto,") && !l.contains(",Zurich,")).forEach(kept::add);
        Snapshot train = read(Files.write(dir.resolve("train.csv"), kept));
        Snapshot prod = read(fixture("test.csv"));
        Model model = ModelLoader.load(fixture("binary-logistic.json"), List.of());

        ScoredModel scored = ScoredModel.score(null, model, train, prod);

        assertThat(scored.run().categoryMismatches()).extracting(CategoryMismatch::kind)
                .contains(CategoryMismatch.Kind.MORE_CODES_THAN_LABELS);
        List<Finding> findings = new ModelCategoriesCheck().run(
                new CheckContext(train, prod, null, Settings.defaults(), List.of(), scored.run()));
        assertThat(findings).anySatisfy(f -> assertThat(f.title())
                .isEqualTo("The model knows more categories of city than the training data holds"));
    }
}
