/** The report model shared by every view and the writers that turn it into files. */
package org.modellens.report;
