/** Production over time: chunks, the band a normal chunk stays in, and when each change began. */
package org.modellens.timeline;
