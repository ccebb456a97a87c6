/** Pure-Java statistical primitives (two-sample tests, distances and drift indices) ported to match scipy/numpy reference results. */
package org.modellens.stats;
