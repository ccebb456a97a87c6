package org.modellens;

/** Receives the stages of a diagnosis as they start; called on the diagnosing thread. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener NONE = (stage, fraction) -> { };

    /**
     * @param stage    what is being done, in a few words
     * @param fraction share of the whole work done before this stage, 0..1
     */
    void stage(String stage, double fraction);
}
