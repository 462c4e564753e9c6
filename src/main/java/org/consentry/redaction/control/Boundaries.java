package org.consentry.redaction.control;

/**
 * Character classes and token boundaries. An identifier counts only where it stands alone: not glued to
 * letters or digits, and not glued through a joiner ({@code - / \ _ @}) to a longer token such as an
 * order number ({@code ZAM-2024-44051401359}). A dot or comma joins only digits ({@code 12,50},
 * {@code 1.2.3}), so that {@code tel.600100200} or a sentence's final dot still count as boundaries.
 */
final class Boundaries {

    private Boundaries() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiLetter(char c) {
        return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    }

    static boolean isAsciiAlnum(char c) {
        return isDigit(c) || isAsciiLetter(c);
    }

    static boolean isHex(char c) {
        return isDigit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
    }

    static boolean isLetterOrDigit(char c) {
        return c < 128 ? isAsciiAlnum(c) : Character.isLetterOrDigit(c);
    }

    /** The single spaces that may separate digit groups; a thin or no-break space is what word processors put there. */
    static boolean isGroupSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009';
    }

    /** Whether a token may start at {@code start} (nothing glued on its left). */
    static boolean leftOk(CharSequence s, int start) {
        if (start == 0) {
            return true;
        }
        char c = s.charAt(start - 1);
        if (isLetterOrDigit(c)) {
            return false;
        }
        return start < 2 || !joins(c, s.charAt(start - 2));
    }

    /** Whether a token may end at {@code end} (nothing glued on its right). */
    static boolean rightOk(CharSequence s, int end) {
        int n = s.length();
        if (end >= n) {
            return true;
        }
        char c = s.charAt(end);
        if (isLetterOrDigit(c)) {
            return false;
        }
        return end + 1 >= n || !joins(c, s.charAt(end + 1));
    }

    private static boolean joins(char joiner, char beyond) {
        return switch (joiner) {
            case '-', '/', '\\', '_', '@' -> isLetterOrDigit(beyond);
            case '.', ',' -> isDigit(beyond);
            default -> false;
        };
    }
}
