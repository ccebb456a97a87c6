/** Per-column profiles of each snapshot and the drift statistics between them, computed once for all checks and writers. */
package org.modellens.profile;
