package org.modellens.data;

/**
 * Count, mean and sum of squared deviations (M2) of values seen one at a time, updated by Welford's
 * formula and merged by Chan, Golub and LeVeque's pairwise formula, so that merged parts give the moments
 * of the whole (exact in exact arithmetic, stable in floating point). Mutable, not thread-safe.
 */
public final class RunningMoments {

    private long count;
    private double mean;
    private double m2;

    /** Adds a value (Welford). */
    public void add(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
    }

    /** Adds {@code k} equal values at once (Chan's formula with M2 = 0 for the group). */
    public void addEqual(double value, long k) {
        double total = (double) count + k;
        double delta = value - mean;
        mean += delta * k / total;
        m2 += delta * delta * ((double) count * k / total);
        count += k;
    }

    /** Adds the values {@code other} has seen (Chan, Golub and LeVeque, 1979). */
    public void merge(RunningMoments other) {
        if (other.count == 0) {
            return;
        }
        if (count == 0) {
            mean = other.mean;
            m2 = other.m2;
        } else {
            double n = (double) count + other.count;
            double delta = other.mean - mean;
            mean = mean + delta * other.count / n;
            m2 = m2 + other.m2 + delta * delta * ((double) count * other.count / n);
        }
        count += other.count;
    }

    /** Sets the moments as read back from a file. */
    public void restore(long count, double mean, double m2) {
        this.count = count;
        this.mean = mean;
        this.m2 = m2;
    }

    public long count() {
        return count;
    }

    /** NaN before the first value. */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** Sum of squared deviations from the mean; NaN before the first value. */
    public double m2() {
        return count == 0 ? Double.NaN : m2;
    }

    /** Sample standard deviation (n - 1), as numpy's {@code std(ddof=1)}; NaN below two values. */
    public double std() {
        return count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
    }

    /** The mean as stored: 0 before the first value (for writing the moments back). */
    public double storedMean() {
        return mean;
    }

    /** M2 as stored: 0 before the first value. */
    public double storedM2() {
        return m2;
    }
}
