/** The diagnostics: one class per check id, the findings they produce and the thresholds they judge by. */
package org.modellens.checks;
