package org.consentry.redaction.control;

import java.time.Month;
import java.time.Year;
import org.apache.commons.validator.routines.checkdigit.CheckDigit;
import org.apache.commons.validator.routines.checkdigit.ModulusTenCheckDigit;

/**
 * PESEL: an encoded birth date (YYMMDD, the month offset by 80/0/20/40/60 for the centuries 1800 to
 * 2200) and a check digit. The check digit is commons-validator's modulus-10 framework with the
 * weights 1,3,7,9,1,3,7,9,1,3 and weight 1 on the check digit itself: the weighted sum of all 11
 * digits is then a multiple of 10 exactly when the number is valid.
 */
final class PeselNumbers {

    private static final CheckDigit CHECK = new ModulusTenCheckDigit(new int[] {1, 3, 7, 9, 1, 3, 7, 9, 1, 3, 1});
    private static final int[] CENTURY = {1900, 2000, 2100, 2200, 1800};

    private PeselNumbers() {
    }

    static boolean isPesel(char[] digits, int length) {
        return length == 11 && hasValidDate(digits) && CHECK.isValid(new String(digits, 0, 11));
    }

    static boolean hasValidDate(char[] d) {
        int yy = (d[0] - '0') * 10 + (d[1] - '0');
        int mm = (d[2] - '0') * 10 + (d[3] - '0');
        int dd = (d[4] - '0') * 10 + (d[5] - '0');
        int month = mm % 20;
        if (month < 1 || month > 12 || dd < 1) {
            return false;
        }
        int year = CENTURY[mm / 20] + yy;
        return dd <= Month.of(month).length(Year.isLeap(year));
    }
}
