package org.consentry.redaction.control;

/** The working memory of the number detector for one scan, so that a span costs no allocation. */
final class NumberWork {

    final NumberSpan span = new NumberSpan();
    final char[] digits = new char[NumberSpan.MAX_DIGITS];
    final int[] phoneEnd = new int[NumberSpan.MAX_DIGITS + 1];
    final int[] phoneDigits = new int[NumberSpan.MAX_DIGITS + 1];
}
