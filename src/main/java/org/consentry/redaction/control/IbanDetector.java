package org.consentry.redaction.control;

import static org.consentry.redaction.control.Boundaries.isAsciiAlnum;

import org.apache.commons.validator.routines.IBANValidator;
import org.consentry.redaction.entity.PiiType;

/**
 * IBANs from their country code: two letters and two check digits start a candidate, which takes
 * exactly the country's IBAN length in letters and digits, written together or in groups of four
 * separated by single spaces. commons-validator's {@link IBANValidator} then checks the country's
 * format and the mod-97 check digits.
 */
final class IbanDetector {

    private static final IBANValidator VALIDATOR = IBANValidator.getInstance();
    /** IBAN length per country code (index: (first letter) * 26 + second letter), 0 where none. */
    private static final int[] LENGTH = new int[26 * 26];

    static {
        for (char a = 'A'; a <= 'Z'; a++) {
            for (char b = 'A'; b <= 'Z'; b++) {
                IBANValidator.Validator v = VALIDATOR.getValidator("" + a + b);
                if (v != null) {
                    LENGTH[(a - 'A') * 26 + (b - 'A')] = v.getIbanLength();
                }
            }
        }
    }

    private IbanDetector() {
    }

    /** Whether an IBAN may start at {@code i}: two ASCII letters, then two digits. */
    static boolean triggers(String s, int i) {
        return i + 3 < s.length() && Boundaries.isDigit(s.charAt(i + 2)) && Boundaries.isDigit(s.charAt(i + 3))
                && Boundaries.isAsciiLetter(s.charAt(i)) && Boundaries.isAsciiLetter(s.charAt(i + 1));
    }

    /** Looks for an IBAN at {@code i}; returns its end, or -1 when there is none. */
    static int scan(String s, int i, Candidates out) {
        int length = LENGTH[(Character.toUpperCase(s.charAt(i)) - 'A') * 26 + (Character.toUpperCase(s.charAt(i + 1)) - 'A')];
        if (length == 0 || !Boundaries.leftOk(s, i)) {
            return -1;
        }
        int n = s.length();
        char[] iban = new char[length];
        int count = 0;
        int p = i;
        while (count < length && p < n) {
            char c = s.charAt(p);
            if (isAsciiAlnum(c)) {
                iban[count++] = Character.toUpperCase(c);
                p++;
            } else if (Boundaries.isGroupSpace(c) && count % 4 == 0 && p + 1 < n && isAsciiAlnum(s.charAt(p + 1))) {
                p++;
            } else {
                break;
            }
        }
        if (count < length || !Boundaries.rightOk(s, p) || !VALIDATOR.isValid(new String(iban))) {
            return -1;
        }
        out.add(PiiType.IBAN, i, p);
        return p;
    }
}
