/** Tablesaw tables as snapshots, and a finding's affected rows as a Tablesaw table (Tablesaw not bundled). */
package org.modellens.tablesaw;
