package org.consentry.redaction.control;

/**
 * REGON, the Polish business register number: 9 digits, or 14 for a local unit (the 9 digits of its
 * entity, 4 of the unit and a check digit). Each check digit is the weighted sum of the digits before it
 * mod 11, a remainder of 10 written as 0 (GUS's rule, which is why commons-validator's modulus framework,
 * where a check of 10 is an error, does not fit). A 14-digit number must carry a valid 9-digit REGON
 * too: both check digits hold. Plain arithmetic on the scan's digit buffer: no allocation.
 */
final class RegonNumbers {

    private static final int[] WEIGHTS_9 = {8, 9, 2, 3, 4, 5, 6, 7};
    private static final int[] WEIGHTS_14 = {2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8};

    private RegonNumbers() {
    }

    static boolean isRegon(char[] d, int length) {
        if (length == 9) {
            return checks(d, WEIGHTS_9);
        }
        return length == 14 && checks(d, WEIGHTS_9) && checks(d, WEIGHTS_14);
    }

    /** Whether the digit after the weighted ones is their check digit. */
    private static boolean checks(char[] d, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (d[i] - '0') * weights[i];
        }
        return sum % 11 % 10 == d[weights.length] - '0';
    }

    /**
     * As REGONs are written: the digits together; after the word REGON also 3-3-3, and for 14 digits 9-5 or
     * 3-3-3-5 (the entity's REGON, then the unit's digits). Grouped without the cue, nine digits are far
     * more often a phone number or an amount ({@code 100 200 300}).
     */
    static boolean grouping(int[] groups, int g0, int g1, int length, boolean cued) {
        int m = g1 - g0;
        if (m == 1) {
            return true;
        }
        if (!cued) {
            return false;
        }
        boolean threes = m >= 3 && groups[g0] == 3 && groups[g0 + 1] == 3 && groups[g0 + 2] == 3;
        if (length == 9) {
            return m == 3 && threes;
        }
        return m == 2 && groups[g0] == 9 && groups[g0 + 1] == 5 || m == 4 && threes && groups[g0 + 3] == 5;
    }
}
