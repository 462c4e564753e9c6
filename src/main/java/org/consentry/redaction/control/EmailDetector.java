package org.consentry.redaction.control;

import org.consentry.redaction.entity.PiiType;

/**
 * Email addresses in their practical RFC 5321 shapes, found from the '@': a local part of letters,
 * digits and {@code . _ % + -} (at most 64 chars, no leading, trailing or double dot), a domain of at
 * least two labels of letters (any script: IDN domains such as {@code łódź.example}), digits and
 * inner hyphens, at most 253 chars, whose last label is letters only (or punycode {@code xn--}).
 * Dots and hyphens that end the domain are punctuation, not part of it.
 */
final class EmailDetector {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 253;
    private static final int MAX_LABEL = 63;

    private EmailDetector() {
    }

    /** Looks for an address around the '@' at {@code at}; returns its end, or -1 when there is none. */
    static int scan(String s, int at, Candidates out) {
        int start = at;
        while (start > 0 && isLocalChar(s.charAt(start - 1))) {
            if (at - start == MAX_LOCAL) {
                return -1; // longer than any address: part of something else
            }
            start--;
        }
        while (start < at && s.charAt(start) == '.') {
            start++;
        }
        if (start == at || s.charAt(at - 1) == '.' || hasDoubleDot(s, start, at)) {
            return -1;
        }
        int n = s.length();
        int end = at + 1;
        while (end < n && isDomainChar(s.charAt(end))) {
            if (end - at > MAX_DOMAIN) {
                return -1;
            }
            end++;
        }
        while (end > at + 1 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
            end--;
        }
        if (!isDomain(s, at + 1, end)) {
            return -1;
        }
        out.add(PiiType.EMAIL, start, end);
        return end;
    }

    private static boolean isDomain(String s, int from, int to) {
        int labels = 0;
        int labelStart = from;
        for (int p = from; p <= to; p++) {
            if (p < to && s.charAt(p) != '.') {
                continue;
            }
            int length = p - labelStart;
            if (length == 0 || length > MAX_LABEL || s.charAt(labelStart) == '-' || s.charAt(p - 1) == '-') {
                return false;
            }
            labels++;
            if (p == to) {
                return labels >= 2 && isTopLevel(s, labelStart, to);
            }
            labelStart = p + 1;
        }
        return false;
    }

    private static boolean isTopLevel(String s, int from, int to) {
        if (to - from >= 5 && s.regionMatches(true, from, "xn--", 0, 4)) {
            return true;
        }
        if (to - from < 2) {
            return false;
        }
        for (int p = from; p < to; p++) {
            if (!Character.isLetter(s.charAt(p))) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDoubleDot(String s, int from, int to) {
        for (int p = from + 1; p < to; p++) {
            if (s.charAt(p) == '.' && s.charAt(p - 1) == '.') {
                return true;
            }
        }
        return false;
    }

    private static boolean isLocalChar(char c) {
        if (c < 128) {
            return Boundaries.isAsciiAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean isDomainChar(char c) {
        if (c < 128) {
            return Boundaries.isAsciiAlnum(c) || c == '.' || c == '-';
        }
        return Character.isLetterOrDigit(c);
    }
}
