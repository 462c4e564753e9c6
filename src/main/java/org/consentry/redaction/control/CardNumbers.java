package org.consentry.redaction.control;

import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * Payment card numbers: a known issuer range (IIN) for the number's length, then the Luhn check digit
 * (commons-validator). The IIN table keeps precision: a tenth of all digit strings pass Luhn alone.
 */
final class CardNumbers {

    private static final int VISA = lengths(13, 16, 19);
    private static final int SIXTEEN = lengths(16);
    private static final int AMEX = lengths(15);
    private static final int LONG = lengths(16, 17, 18, 19);
    private static final int DINERS = lengths(14, 15, 16, 17, 18, 19);
    private static final int MAESTRO = lengths(13, 14, 15, 16, 17, 18, 19);

    /** {low, high, digits of the prefix, allowed lengths as a bit set}. */
    private static final int[][] RANGES = {
            {4, 4, 1, VISA},
            {51, 55, 2, SIXTEEN}, {2221, 2720, 4, SIXTEEN},        // Mastercard
            {34, 34, 2, AMEX}, {37, 37, 2, AMEX},                  // American Express
            {6011, 6011, 4, LONG}, {644, 649, 3, LONG}, {65, 65, 2, LONG}, // Discover
            {62, 62, 2, LONG},                                     // UnionPay
            {3528, 3589, 4, LONG},                                 // JCB
            {300, 305, 3, DINERS}, {36, 36, 2, DINERS}, {38, 39, 2, DINERS}, // Diners Club
            {50, 50, 2, MAESTRO}, {56, 58, 2, MAESTRO}, {63, 63, 2, MAESTRO}, {67, 67, 2, MAESTRO},
            {2200, 2204, 4, LONG},                                 // Mir
    };

    private CardNumbers() {
    }

    static boolean isLuhnValid(char[] digits, int length) {
        return LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid(new String(digits, 0, length));
    }

    static boolean knownIssuer(char[] digits, int length) {
        for (int[] range : RANGES) {
            if ((range[3] & (1 << length)) == 0) {
                continue;
            }
            int prefix = 0;
            for (int k = 0; k < range[2]; k++) {
                prefix = prefix * 10 + (digits[k] - '0');
            }
            if (prefix >= range[0] && prefix <= range[1]) {
                return true;
            }
        }
        return false;
    }

    private static int lengths(int... lengths) {
        int set = 0;
        for (int l : lengths) {
            set |= 1 << l;
        }
        return set;
    }
}
