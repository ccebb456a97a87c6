package org.modellens.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.modellens.settings.Settings;

class ReportIdentityTest {

    @TempDir
    Path dir;

    @Test
    void theModelIsNamedFromTheSettingsFile() throws IOException {
        Path file = Files.writeString(dir.resolve("governance.properties"), """
                report.modelName=credit-default
                report.modelVersion=2.3
                report.modelOwner=Retail Risk Analytics
                report.intendedUse=Approve or refer card loan applications
                report.currency=EUR
                cost.falseNegative=5000
                """);
        Settings settings = Settings.withOverrides(file);

        ReportIdentity identity = ReportIdentity.of(settings, ReportFixtures.sample().inputs(), "test");

        assertThat(identity.modelLabel("the model")).isEqualTo("credit-default 2.3");
        assertThat(identity.modelOwner()).isEqualTo("Retail Risk Analytics");
        assertThat(identity.currency()).isEqualTo("EUR");
        assertThat(settings.get("cost.falseNegative")).isEqualTo(5000);
        assertThat(ReportIdentity.of(Settings.defaults(), null, "test").modelLabel("the model")).isEqualTo("the model");
    }

    @Test
    void anUnknownReportWordIsRefusedLikeAnyUnknownSetting() throws IOException {
        Path file = Files.writeString(dir.resolve("typo.properties"), "report.modelNmae=credit\n");
        assertThatThrownBy(() -> Settings.withOverrides(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown setting 'report.modelNmae'");
    }

    /** The same inputs and settings give the same id; another threshold gives another. */
    @Test
    void theIdFollowsTheInputsAndSettings() throws IOException {
        Inputs inputs = ReportFixtures.sample().inputs();
        String id = ReportIdentity.of(Settings.defaults(), inputs, "test").reportId();
        Path stricter = Files.writeString(dir.resolve("stricter.properties"), "cost.falseNegative=7\n");

        assertThat(id).matches("ML-[0-9a-f]{12}");
        assertThat(ReportIdentity.of(Settings.defaults(), inputs, "test").reportId()).isEqualTo(id);
        assertThat(ReportIdentity.of(Settings.withOverrides(stricter), inputs, "test").reportId()).isNotEqualTo(id);
        assertThat(ReportIdentity.of(Settings.defaults(), inputs, "other version").reportId()).isNotEqualTo(id);
    }
}
