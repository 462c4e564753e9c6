package org.consentry.redaction.control;

import org.apache.commons.validator.routines.IBANValidator;
import org.consentry.redaction.entity.PiiType;

/**
 * IBANs from their country code, spelled as people copy them off statements and invoices: two letters
 * (any case), then the two check digits, then the rest of the country's IBAN length in letters and
 * digits, in groups of any length separated by single spaces, dashes or dots ({@code BE 85 0017 1352 5006},
 * {@code MK072 5012 0000 0589 84}, {@code de89-3704-0044-0532-0130-00}). The work per candidate is bounded
 * by the longest IBAN: at most 34 characters and as many separators are read. The mod-97 check runs on
 * the collected characters first, without allocating; only a candidate that passes it reaches
 * commons-validator's {@link IBANValidator}, which checks the country's format and the check digits again.
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

    /** Whether an IBAN may start at {@code i}: two ASCII letters, then a digit, or one separator and a digit. */
    static boolean triggers(String s, int i) {
        int n = s.length();
        if (i + 3 >= n || !Boundaries.isAsciiLetter(s.charAt(i)) || !Boundaries.isAsciiLetter(s.charAt(i + 1))) {
            return false;
        }
        char c = s.charAt(i + 2);
        return Boundaries.isDigit(c) || isSeparator(c) && Boundaries.isDigit(s.charAt(i + 3));
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
            if (Boundaries.isAsciiAlnum(c)) {
                iban[count++] = Character.toUpperCase(c);
                p++;
            } else if (count >= 2 && isSeparator(c) && p + 1 < n && Boundaries.isAsciiAlnum(s.charAt(p + 1))) {
                p++;
            } else {
                break;
            }
        }
        if (count < length || !Boundaries.isDigit(iban[2]) || !Boundaries.isDigit(iban[3]) || !Boundaries.rightOk(s, p)
                || !passesMod97(iban) || !VALIDATOR.isValid(new String(iban))) {
            return -1;
        }
        out.add(PiiType.IBAN, i, p);
        return p;
    }

    /** A single space (or its no-break and thin kinds), dash or dot between two groups. */
    private static boolean isSeparator(char c) {
        return Boundaries.isGroupSpace(c) || c == '-' || c == '.';
    }

    /** ISO 13616's check: the IBAN moved four characters left, letters as 10..35, is 1 mod 97. */
    static boolean passesMod97(char[] iban) {
        int remainder = 0;
        for (int k = 0; k < iban.length; k++) {
            char c = iban[(k + 4) % iban.length];
            int value = Boundaries.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value < 10 ? (remainder * 10 + value) % 97 : (remainder * 100 + value) % 97;
        }
        return remainder == 1;
    }
}
