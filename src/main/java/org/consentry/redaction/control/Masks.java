package org.consentry.redaction.control;

import org.consentry.redaction.entity.PiiType;

/**
 * Masks that keep only a hint of a value. Each reveals at most what a customer would accept read back
 * to them: the last 4 card or account digits, the last 3 phone digits and the country code, an email's
 * first letters and top-level domain, the first part of an IP address. A PESEL keeps nothing: every
 * digit encodes something (birth date, sex). A REGON and an EU VAT number keep their last two digits, as a
 * NIP does. Works on any string without throwing.
 */
public final class Masks {

    private static final String STARS = "***";

    private Masks() {
    }

    public static String mask(PiiType type, String value) {
        if (type == null || value == null || value.isEmpty()) {
            return STARS;
        }
        return switch (type) {
            case EMAIL -> email(value);
            case PHONE -> phone(value);
            case CARD -> "**** " + lastDigits(value, 4);
            case IBAN -> iban(value);
            case PESEL -> "***********";
            case NIP -> "***-***-**-" + lastDigits(value, 2);
            case IPV4 -> ipv4(value);
            case IPV6 -> ipv6(value);
            case REGON -> regon(value);
            case EU_VAT -> "PL********" + lastDigits(value, 2);
        };
    }

    /** {@code jan.kowalski@poczta.example.pl} becomes {@code j***@p***.pl}. */
    private static String email(String value) {
        int at = value.lastIndexOf('@');
        int dot = value.lastIndexOf('.');
        if (at <= 0 || dot <= at + 1 || dot == value.length() - 1) {
            return STARS;
        }
        return firstCodePoint(value, 0) + STARS + "@" + firstCodePoint(value, at + 1) + STARS + value.substring(dot);
    }

    /** {@code +48 600 100 789} becomes {@code +48 *** *** 789}; a national number loses the country code. */
    private static String phone(String value) {
        String digits = digits(value);
        if (digits.length() < 6) {
            return STARS;
        }
        String tail = "*** *** " + digits.substring(digits.length() - 3);
        String international = value.strip().startsWith("+") ? digits
                : value.strip().startsWith("00") ? digits.substring(2) : null;
        if (international == null) {
            return tail;
        }
        char[] d = international.toCharArray();
        int codeLength = PhoneNumbers.callingCodeLength(d, 0, d.length);
        return codeLength == 0 ? tail : "+" + international.substring(0, codeLength) + " " + tail;
    }

    /** {@code PL61 1090 ... 2874} becomes {@code PL** **** 2874}; an NRB becomes {@code ** **** 2874}. */
    private static String iban(String value) {
        String v = value.strip();
        String country = v.length() >= 2 && Character.isLetter(v.charAt(0)) && Character.isLetter(v.charAt(1))
                ? v.substring(0, 2).toUpperCase(java.util.Locale.ROOT) : "";
        return country + "** **** " + lastAlnum(v, 4);
    }

    /** {@code 123456785} becomes {@code *******85}; a 14-digit one keeps its last two digits as well. */
    private static String regon(String value) {
        String d = digits(value);
        return d.length() > 2 ? "*".repeat(d.length() - 2) + d.substring(d.length() - 2) : STARS;
    }

    /** {@code 203.0.113.7} becomes {@code 203.*.*.*}. */
    private static String ipv4(String value) {
        int dot = value.indexOf('.');
        return dot > 0 ? value.substring(0, dot) + ".*.*.*" : "*.*.*.*";
    }

    /** {@code 2001:db8::1} becomes {@code 2001:*:*:*:*:*:*:*}. */
    private static String ipv6(String value) {
        int colon = value.indexOf(':');
        String first = colon > 0 ? value.substring(0, colon) : "*";
        return first + ":*:*:*:*:*:*:*";
    }

    private static String firstCodePoint(String value, int index) {
        return value.substring(index, value.offsetByCodePoints(index, 1));
    }

    private static String digits(String value) {
        StringBuilder d = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            if (Boundaries.isDigit(value.charAt(i))) {
                d.append(value.charAt(i));
            }
        }
        return d.toString();
    }

    private static String lastDigits(String value, int count) {
        String d = digits(value);
        return d.length() > count ? d.substring(d.length() - count) : STARS;
    }

    private static String lastAlnum(String value, int count) {
        StringBuilder a = new StringBuilder(count);
        for (int i = value.length() - 1; i >= 0 && a.length() < count; i--) {
            if (Boundaries.isAsciiAlnum(value.charAt(i))) {
                a.append(value.charAt(i));
            }
        }
        return a.length() == count ? a.reverse().toString() : STARS;
    }
}
