package org.modellens.spark;

import java.io.Serializable;
import java.util.List;

/**
 * A model file shipped to the executors: its bytes (read once on the driver), its name, the
 * {@code --model-features} given, and an id (name and SHA-256) that keeps summaries of different
 * models from merging.
 */
record ModelSpec(String fileName, byte[] bytes, List<String> features, String id) implements Serializable {
}
