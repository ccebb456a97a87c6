package org.modellens.checks;

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
 */
public final class Settings {

    private static final String DEFAULTS = "default-settings.properties";

    private final Map<String, Double> values;

    private Settings(Map<String, Double> values) {
        this.values = Map.copyOf(values);
    }

    /** The documented defaults. */
    public static Settings defaults() {
        try (InputStream in = Settings.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath");
            }
            Properties properties = new Properties();
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            return new Settings(parse(properties, DEFAULTS));
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
        return new Settings(merged);
    }

    private static Map<String, Double> parse(Properties properties, String source) {
        Map<String, Double> parsed = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
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

    /** All settings, sorted by key, as the report records them. */
    public Map<String, Double> asMap() {
        return new TreeMap<>(values);
    }
}
