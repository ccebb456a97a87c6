/**
 * The ModelLens demo case: a seeded, dependency-free generator that writes a training snapshot
 * and a production snapshot of credit-card loan applications with documented, planted problems.
 *
 * <p>See {@link org.modellens.sample.SampleCaseGenerator} and {@code sample-data/README.md}.
 */
package org.modellens.sample;
