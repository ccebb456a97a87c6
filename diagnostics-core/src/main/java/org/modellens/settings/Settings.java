package org.modellens.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The thresholds every check judges by. Defaults live in {@code default-settings.properties} beside
 * this class, each with its reasoning; a user file may override any of them but add no new key, so a
 * typo cannot silently leave a default in force.
 *
 * <p>Keys under {@value #TEXT_PREFIX} are words for the reports (the model's name and owner, the
 * currency of costs), not thresholds: they hold text.
 */
public final class Settings {

    private static final String DEFAULTS = "default-settings.properties";

    /** Settings that hold text for the reports rather than numbers. */
    public static final String TEXT_PREFIX = "report.";

    private final Map<String, Double> values;
    private final Map<String, String> texts;

    private Settings(Map<String, Double> values, Map<String, String> texts) {
        this.values = Map.copyOf(values);
        this.texts = Map.copyOf(texts);
    }

    /** The documented defaults. */
    public static Settings defaults() {
        try (InputStream in = Settings.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return new Settings(parse(properties, DEFAULTS), texts(properties));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS, e);
        }
    }

    /**
     * The defaults with the keys of {@code file} replaced.
     *
     * @throws IllegalArgumentException with a user-facing message for an unknown key or a bad value
     * @throws IOException when the file cannot be read
     */
    public static Settings withOverrides(Path file) throws IOException {
        Properties properties = new Properties();
        byte[] bytes;
        try {
            bytes = org.modellens.data.InputFiles.readAll(file, "settings file", org.modellens.data.InputFiles.MAX_SMALL_FILE_BYTES);
        } catch (org.modellens.data.UnreadableInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        try (Reader reader = new java.io.InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Settings defaults = defaults();
        Map<String, Double> merged = new TreeMap<>(defaults.values);
        String source = String.valueOf(file.getFileName());
        for (Map.Entry<String, Double> entry : parse(properties, source).entrySet()) {
            if (!merged.containsKey(entry.getKey())) {
                throw new IllegalArgumentException(source + ": unknown setting '" + entry.getKey()
                        + "' (the known settings are listed in default-settings.properties)");
            }
            merged.put(entry.getKey(), entry.getValue());
        }
        Map<String, String> texts = new TreeMap<>(defaults.texts);
        for (Map.Entry<String, String> entry : texts(properties).entrySet()) {
            if (!texts.containsKey(entry.getKey())) {
                throw new IllegalArgumentException(source + ": unknown setting '" + entry.getKey()
                        + "' (the known settings are listed in default-settings.properties)");
            }
            texts.put(entry.getKey(), entry.getValue());
        }
        return new Settings(merged, texts);
    }

    private static Map<String, String> texts(Properties properties) {
        Map<String, String> texts = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(TEXT_PREFIX)) {
                texts.put(key, properties.getProperty(key).strip());
            }
        }
        return texts;
    }

    private static Map<String, Double> parse(Properties properties, String source) {
        Map<String, Double> parsed = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(TEXT_PREFIX)) {
                continue;
            }
            String text = properties.getProperty(key).trim();
            try {
                double value = Double.parseDouble(text);
                if (!Double.isFinite(value) || value < 0) {
                    throw new NumberFormatException();
                }
                parsed.put(key, value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": setting '" + key + "' must be a non-negative number, not '" + text + "'");
            }
        }
        return parsed;
    }

    public double get(String key) {
        Double value = values.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no setting named " + key);
        }
        return value;
    }

    public int getInt(String key) {
        return (int) Math.round(get(key));
    }

    /** A text setting ({@value #TEXT_PREFIX}...); empty when not set. */
    public String text(String key) {
        String value = texts.get(key);
        if (value == null) {
            throw new IllegalArgumentException("no text setting named " + key);
        }
        return value;
    }

    /** All numeric settings, sorted by key, as the report records them. */
    public Map<String, Double> asMap() {
        return new TreeMap<>(values);
    }
}
