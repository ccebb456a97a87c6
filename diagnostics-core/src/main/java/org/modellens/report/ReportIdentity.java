package org.modellens.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.modellens.settings.Settings;

/**
 * Who and what a report is about, for a reviewer who signs it: the model's name, version, owner and
 * intended use as the user set them ({@code report.*} settings), the currency of its costs, and an id.
 *
 * <p>The id is a digest of what was analysed (each input's SHA-256), the settings in force and the
 * tool's version: the same inputs and settings give the same id, so a signed PDF, its workbook and
 * its JSON can be matched, and a rerun that changed anything gets a new one.
 *
 * @param reportId     "ML-" and 12 hex digits
 * @param modelName    empty when not stated
 * @param modelVersion empty when not stated
 * @param modelOwner   empty when not stated
 * @param intendedUse  empty when not stated
 * @param currency     code or sign of the costs' currency; empty when not stated
 */
public record ReportIdentity(String reportId, String modelName, String modelVersion, String modelOwner,
                             String intendedUse, String currency) {

    /** The identity of a report on these inputs under these settings. */
    public static ReportIdentity of(Settings settings, Inputs inputs, String toolVersion) {
        StringBuilder digestInput = new StringBuilder("ModelLens ").append(toolVersion);
        if (inputs != null) {
            digestInput.append('\n').append(inputs.train().source().sha256()).append('\n').append(inputs.prod().source().sha256());
            if (inputs.reference() != null) {
                digestInput.append('\n').append(inputs.reference().source().sha256());
            }
            digestInput.append('\n').append(inputs.target());
        }
        Map<String, Double> numbers = new TreeMap<>(settings.asMap());
        numbers.forEach((key, value) -> digestInput.append('\n').append(key).append('=').append(value));
        return new ReportIdentity("ML-" + sha256(digestInput.toString()).substring(0, 12),
                settings.text("report.modelName"), settings.text("report.modelVersion"), settings.text("report.modelOwner"),
                settings.text("report.intendedUse"), settings.text("report.currency"));
    }

    /** The model as a reader names it: "credit-default 2.3", or the fallback when no name was set. */
    public String modelLabel(String fallback) {
        if (modelName.isEmpty()) {
            return fallback;
        }
        return modelVersion.isEmpty() ? modelName : modelName + " " + modelVersion;
    }

    /**
     * Loads the SHA-256 implementation {@link #of} needs, ahead of time: the JDK sets up its security providers
     * on first use (about 12 ms at the command line's start-up speed), and when the inputs' digests were remembered
     * ({@code DigestCache}) nothing else needs them before the report is assembled, on the diagnosis's last,
     * single-threaded stretch.
     */
    public static void prepare() {
        try {
            MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // reported by of(), which needs it
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
