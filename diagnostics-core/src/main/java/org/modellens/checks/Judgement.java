package org.modellens.checks;

import java.util.Optional;

import org.modellens.text.Numbers;

/**
 * The shared rule of every check: significance gates, effect size grades. A change that is not
 * significant yields nothing; a significant one is {@code info} below the warn level.
 */
final class Judgement {

    private Judgement() {
    }

    /**
     * @param significant whether the significance gate passed
     * @param effect      the effect size
     * @param warn        effect at which a person should look
     * @param fail        effect at which the pipeline or model is considered broken
     * @return the severity, or empty when the change is not significant
     */
    static Optional<Severity> grade(boolean significant, double effect, double warn, double fail) {
        if (!significant || !(effect > 0)) {
            return Optional.empty();
        }
        if (effect >= fail) {
            return Optional.of(Severity.FAIL);
        }
        if (effect >= warn) {
            return Optional.of(Severity.WARN);
        }
        return Optional.of(Severity.INFO);
    }

    static String percent(double share) {
        return Numbers.percent(share);
    }

    /** A label or name for a sentence: long text cut to 40 characters, line breaks shown as spaces. */
    static String label(String text) {
        String flat = text.replace('\n', ' ').replace('\r', ' ');
        return flat.length() <= 40 ? flat : flat.substring(0, 40) + "... (" + text.length() + " characters)";
    }

    static String number(double value) {
        return Numbers.number(value, 3);
    }
}
