package org.consentry.redaction.control;

import org.apache.commons.validator.routines.InetAddressValidator;
import org.apache.commons.validator.routines.checkdigit.IBANCheckDigit;

/**
 * How the numeric identifiers are written: the digit groupings a card number, a NIP and an account
 * number come in, the NRB's check, an IPv4 address's four groups, and the "PL" of a NIP written as an EU
 * VAT number. Groupings are read from {@link NumberSpan#groups}, {@code g0} to {@code g1} (exclusive).
 */
final class NumberShapes {

    private NumberShapes() {
    }

    /** 16 digits in fours, 15 or 19 with a shorter last group, Amex and Diners 4-6-5 and 4-6-4, or no grouping. */
    static boolean cardGrouping(int[] groups, int g0, int g1) {
        int m = g1 - g0;
        if (m == 1) {
            return true;
        }
        if (m == 3 && groups[g0] == 4 && groups[g0 + 1] == 6 && (groups[g0 + 2] == 5 || groups[g0 + 2] == 4)) {
            return true;
        }
        if (m < 4) {
            return false;
        }
        for (int g = g0; g < g1 - 1; g++) {
            if (groups[g] != 4) {
                return false;
            }
        }
        return groups[g1 - 1] == 3 || groups[g1 - 1] == 4;
    }

    /** 10 digits, or 3-3-2-2, or 3-2-2-3. */
    static boolean nipGrouping(int[] groups, int g0, int g1) {
        int m = g1 - g0;
        if (m == 1) {
            return true;
        }
        return m == 4 && groups[g0] == 3 && groups[g0 + 2] == 2
                && (groups[g0 + 1] == 3 && groups[g0 + 3] == 2 || groups[g0 + 1] == 2 && groups[g0 + 3] == 3);
    }

    /** 26 digits, or as banks print them: 2 check digits, then six groups of four. */
    static boolean accountGrouping(int[] groups, int g0, int g1) {
        if (g1 - g0 == 1) {
            return true;
        }
        if (g1 - g0 != 7 || groups[g0] != 2) {
            return false;
        }
        for (int g = g0 + 1; g < g1; g++) {
            if (groups[g] != 4) {
                return false;
            }
        }
        return true;
    }

    /** A Polish NRB: 26 digits whose IBAN with "PL" in front passes mod 97. */
    static boolean isAccountNumber(char[] d) {
        return IBANCheckDigit.IBAN_CHECK_DIGIT.isValid("PL" + new String(d, 0, 26));
    }

    /** Four groups of 0-255 without leading zeros, confirmed by commons-validator. */
    static boolean isIpv4(String s, int from, int to) {
        int value = 0;
        int length = 0;
        for (int p = from; p <= to; p++) {
            char c = p < to ? s.charAt(p) : '.';
            if (c == '.') {
                if (length == 0 || length > 3 || value > 255 || (length > 1 && s.charAt(p - length) == '0')) {
                    return false;
                }
                value = 0;
                length = 0;
            } else {
                value = value * 10 + (c - '0');
                length++;
            }
        }
        return InetAddressValidator.getInstance().isValidInet4Address(s.substring(from, to));
    }

    /**
     * Where the "PL" of an EU VAT number written before the digits at {@code start} begins: glued
     * ({@code PL5260250274}) or after one space or dash ({@code PL 526-025-02-74}); -1 when there is none.
     */
    static int vatPrefixStart(String s, int start) {
        int gap = start >= 1 && (Boundaries.isGroupSpace(s.charAt(start - 1)) || s.charAt(start - 1) == '-') ? 1 : 0;
        int p = start - gap - 2;
        return p >= 0 && (s.charAt(p) | 0x20) == 'p' && (s.charAt(p + 1) | 0x20) == 'l' && Boundaries.leftOk(s, p) ? p : -1;
    }

    /**
     * Whether the word REGON (any case) stands before {@code start}: right before it, after at most four
     * separators ({@code "REGON: "}), or with one short linking word between ({@code "REGON is "},
     * {@code "REGON to "}, {@code "REGON nr "}).
     */
    static boolean regonCue(String s, int start) {
        int p = skipSeparators(s, start);
        if (p == start) {
            return false;
        }
        if (endsWord(s, p, "regon")) {
            return true;
        }
        for (String link : LINKS) {
            if (endsWord(s, p, link)) {
                int q = skipSeparators(s, p - link.length());
                return q < p - link.length() && endsWord(s, q, "regon");
            }
        }
        return false;
    }

    private static final String[] LINKS = {"is", "to", "nr", "no", "jest", "numer", "number"};

    private static int skipSeparators(String s, int end) {
        int p = end;
        while (p > 0 && end - p < 4 && isCueSeparator(s.charAt(p - 1))) {
            p--;
        }
        return p;
    }

    /** Whether {@code word} (any case) ends at {@code end} as a whole word. */
    private static boolean endsWord(String s, int end, String word) {
        int from = end - word.length();
        return from >= 0 && s.regionMatches(true, from, word, 0, word.length())
                && (from == 0 || !Boundaries.isLetterOrDigit(s.charAt(from - 1)));
    }

    private static boolean isCueSeparator(char c) {
        return Boundaries.isGroupSpace(c) || c == ':' || c == '#' || c == '-' || c == '(' || c == '.';
    }
}
