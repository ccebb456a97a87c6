/**
 * The thresholds and texts a run is judged and worded by: {@link org.modellens.settings.Settings}, with its
 * defaults in {@code default-settings.properties} beside it, overridden by a user's properties file.
 */
package org.modellens.settings;
