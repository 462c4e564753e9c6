package org.consentry.redaction.control;

import static org.consentry.redaction.control.Boundaries.isHex;

import org.apache.commons.validator.routines.InetAddressValidator;
import org.consentry.redaction.entity.PiiType;

/**
 * IPv6 addresses, found from a ':' (full, compressed with "::", or with an embedded IPv4 address).
 * The candidate is the run of hex digits, colons and dots around it; commons-validator's
 * {@link InetAddressValidator} confirms it. Times ({@code 12:30:45}) and MAC addresses have too few
 * groups and no "::", so they fail; an address must also hold a decimal digit or at least three
 * colons, so that a "::" between hex-letter words ({@code ab::cd}) does not count.
 */
final class Ipv6Detector {

    private static final int MAX_LENGTH = 45;

    private Ipv6Detector() {
    }

    /** Examines the run around the ':' at {@code colon}; returns where the run ends (never re-examine before it). */
    static int scan(String s, int colon, Candidates out) {
        int n = s.length();
        int start = colon;
        while (start > 0 && colon - start < 5 && isHex(s.charAt(start - 1))) {
            start--;
        }
        if (colon - start == 5 || (start == colon && (colon + 1 >= n || s.charAt(colon + 1) != ':'))) {
            return colon + 1; // a word before a colon, or a label's colon ("IP:"): an address may follow it
        }
        if (start > 0 && Boundaries.isLetterOrDigit(s.charAt(start - 1))) {
            return colon + 1;
        }
        int runEnd = colon;
        while (runEnd < n && (isHex(s.charAt(runEnd)) || s.charAt(runEnd) == ':' || s.charAt(runEnd) == '.')) {
            runEnd++;
        }
        int end = runEnd;
        while (end > start && s.charAt(end - 1) == '.') {
            end--;
        }
        if (end - start >= 2 && s.charAt(end - 1) == ':' && s.charAt(end - 2) != ':') {
            end--;
        }
        if (end - start <= MAX_LENGTH && Boundaries.rightOk(s, end) && plausible(s, start, end)
                && InetAddressValidator.getInstance().isValidInet6Address(s.substring(start, end))) {
            out.add(PiiType.IPV6, start, end);
        }
        return runEnd;
    }

    private static boolean plausible(String s, int from, int to) {
        int colons = 0;
        boolean decimal = false;
        for (int p = from; p < to; p++) {
            char c = s.charAt(p);
            colons += c == ':' ? 1 : 0;
            decimal |= Boundaries.isDigit(c);
        }
        return colons >= 2 && (decimal || colons >= 3);
    }
}
