package org.consentry.redaction.control;

import static org.consentry.redaction.control.Boundaries.isDigit;
import static org.consentry.redaction.control.Boundaries.isGroupSpace;

import java.util.Arrays;

/**
 * A run of digit chunks separated by single spaces, parsed in one pass: {@code +48 600-100-200},
 * {@code (22) 123 45 67}, {@code 4111 1111 1111 1111}, {@code 192.168.0.1}. A chunk is an optional
 * '+' or a parenthesised area code, then digit groups joined by single '-' or '.'. Identifiers are
 * then looked for among runs of whole chunks, so that a space, not a dash or dot, is where one may
 * begin or end. Working memory of one scan; not thread-safe.
 */
final class NumberSpan {

    static final int PLUS = 1;
    static final int PAREN = 2;
    static final int DASH = 4;
    static final int DOT = 8;
    /** more digits or groups than any identifier has: no candidate may include this chunk */
    static final int LONG = 16;
    /** starts with the international prefix "00" */
    static final int ZERO_ZERO = 32;
    /** has a one-digit group: no nationally written identifier of several groups has one */
    static final int TINY = 64;

    static final int MAX_DIGITS = 26;
    private static final int MAX_GROUPS = 8;

    int count;
    int[] start = new int[8];
    int[] end = new int[8];
    int[] digits = new int[8];
    int[] flags = new int[8];
    int[] firstGroup = new int[8];
    int[] groupCount = new int[8];
    int[] groups = new int[32];
    private int groupTotal;

    /** Whether a chunk starts at {@code p}: a digit, a '+' before a digit, or "(" 1-4 digits ")". */
    static boolean startsChunk(String s, int p) {
        int n = s.length();
        char c = s.charAt(p);
        if (isDigit(c)) {
            return true;
        }
        if (c == '+') {
            return p + 1 < n && isDigit(s.charAt(p + 1));
        }
        if (c != '(') {
            return false;
        }
        int q = p + 1;
        while (q < n && q - p <= 5 && isDigit(s.charAt(q))) {
            q++;
        }
        return q > p + 1 && q - p <= 5 && q < n && s.charAt(q) == ')';
    }

    /** Parses the span that starts at {@code p} (where {@link #startsChunk} holds); returns its end. */
    int parse(String s, int p) {
        count = 0;
        groupTotal = 0;
        int n = s.length();
        while (true) {
            int chunkStart = p;
            int chunkFlags = 0;
            int chunkDigits = 0;
            int g0 = groupTotal;
            boolean groupsFollow = true;
            char c = s.charAt(p);
            if (c == '+') {
                chunkFlags |= PLUS;
                p++;
            } else if (c == '(') {
                int q = p + 1;
                while (isDigit(s.charAt(q))) {
                    q++;
                }
                chunkDigits += q - p - 1;
                addGroup(g0, q - p - 1);
                chunkFlags |= PAREN;
                p = q + 1;
                groupsFollow = p < n && isDigit(s.charAt(p));
            } else if (c == '0' && p + 1 < n && s.charAt(p + 1) == '0') {
                chunkFlags |= ZERO_ZERO;
            }
            while (groupsFollow) {
                int g = p;
                while (p < n && isDigit(s.charAt(p))) {
                    p++;
                }
                chunkDigits += p - g;
                addGroup(g0, p - g);
                if (p - g == 1) {
                    chunkFlags |= TINY;
                }
                if (p + 1 < n && (s.charAt(p) == '-' || s.charAt(p) == '.') && isDigit(s.charAt(p + 1))) {
                    chunkFlags |= s.charAt(p) == '-' ? DASH : DOT;
                    p++;
                } else {
                    groupsFollow = false;
                }
            }
            int chunkGroups = groupTotal - g0;
            if (chunkDigits > MAX_DIGITS || chunkGroups > MAX_GROUPS) {
                chunkFlags |= LONG;
            }
            addChunk(chunkStart, p, chunkDigits, chunkFlags, g0, chunkGroups);
            if (p + 1 < n && isGroupSpace(s.charAt(p)) && startsChunk(s, p + 1)) {
                p++;
            } else {
                return p;
            }
        }
    }

    private void addGroup(int chunkFirstGroup, int size) {
        if (groupTotal - chunkFirstGroup > MAX_GROUPS) {
            return; // the chunk is already too long to matter; keep memory bounded per chunk
        }
        if (groupTotal == groups.length) {
            groups = Arrays.copyOf(groups, groupTotal * 2);
        }
        groups[groupTotal++] = size;
    }

    private void addChunk(int from, int to, int digitCount, int chunkFlags, int g0, int chunkGroups) {
        if (count == start.length) {
            int size = count * 2;
            start = Arrays.copyOf(start, size);
            end = Arrays.copyOf(end, size);
            digits = Arrays.copyOf(digits, size);
            flags = Arrays.copyOf(flags, size);
            firstGroup = Arrays.copyOf(firstGroup, size);
            groupCount = Arrays.copyOf(groupCount, size);
        }
        start[count] = from;
        end[count] = to;
        digits[count] = digitCount;
        flags[count] = chunkFlags;
        firstGroup[count] = g0;
        groupCount[count] = chunkGroups;
        count++;
    }
}
