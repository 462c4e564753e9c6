package org.consentry.redaction.control;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Validates phone-number candidates with libphonenumber's {@code isValidNumber}: it checks the number
 * against the region's numbering plan (a mobile or landline range), where {@code isPossibleNumber}
 * checks only the length and would take any 9 digits for a Polish number. The candidate's digits are
 * put into a {@link PhoneNumber} directly (calling codes are prefix-free, so the first 1-3 digits name
 * the country unambiguously): {@code PhoneNumberUtil.parse} costs about 3 µs a call, three times the
 * validation itself, and the candidate parser has already done its work.
 */
final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final boolean[] CALLING_CODES = new boolean[1000];
    /** The national (trunk) prefix of each calling code's main region, e.g. "0" for 44; null where none. */
    private static final String[] TRUNK = new String[1000];
    private static final int MAX_LENGTH = 17;

    static {
        for (int code : UTIL.getSupportedCallingCodes()) {
            if (code > 0 && code < 1000) {
                CALLING_CODES[code] = true;
                String region = UTIL.getRegionCodeForCountryCode(code);
                // non-geographic codes (region "001", e.g. +800) have no national prefix
                String trunk = "001".equals(region) ? null : UTIL.getNddPrefixForRegion(region, true);
                TRUNK[code] = trunk == null || trunk.isEmpty() ? null : trunk;
            }
        }
    }

    private final int regionCode;
    private final String regionTrunk;
    private final boolean[] nationalLengths = new boolean[MAX_LENGTH + 1];

    PhoneNumbers(String region) {
        this.regionCode = UTIL.getCountryCodeForRegion(region);
        if (regionCode == 0) {
            throw new IllegalArgumentException("not a phone region libphonenumber knows: " + region);
        }
        this.regionTrunk = TRUNK[regionCode];
        // libphonenumber's metadata is not public; probing the possible lengths per type reads it
        for (int length = 2; length <= MAX_LENGTH; length++) {
            PhoneNumber probe = new PhoneNumber().setCountryCode(regionCode)
                    .setNationalNumber(Long.parseLong("5".repeat(length)));
            nationalLengths[length] = possible(probe, PhoneNumberType.FIXED_LINE) || possible(probe, PhoneNumberType.MOBILE);
        }
    }

    /** Whether {@code length} digits may be a number of the default region written nationally. */
    boolean isNationalLength(char[] d, int length) {
        return length <= MAX_LENGTH && (nationalLengths[length] || trunkLength(d, length) > 0);
    }

    boolean isValidNational(char[] d, int length) {
        int trunk = trunkLength(d, length);
        if (trunk > 0 && isValid(regionCode, d, trunk, length)) {
            return true;
        }
        return length <= MAX_LENGTH && nationalLengths[length] && isValid(regionCode, d, 0, length);
    }

    /** {@code d[from, to)} are the digits after a '+' or an international "00". */
    static boolean isValidInternational(char[] d, int from, int to) {
        int ccLength = callingCodeLength(d, from, to);
        if (ccLength == 0) {
            return false;
        }
        int cc = number(d, from, from + ccLength);
        int nsn = from + ccLength;
        if (isValid(cc, d, nsn, to)) {
            return true;
        }
        // "+44 (0)20 ..." writes the trunk prefix after the calling code
        String trunk = TRUNK[cc];
        return trunk != null && startsWith(d, nsn, to, trunk) && isValid(cc, d, nsn + trunk.length(), to);
    }

    /** The number's E.164 digits (no '+'), used to compare values; the value was found by this class. */
    String e164Digits(String value) {
        String trimmed = value.strip();
        char[] d = new char[trimmed.length()];
        int n = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (Boundaries.isDigit(c)) {
                d[n++] = c;
            }
        }
        if (trimmed.startsWith("+")) {
            return new String(d, 0, n);
        }
        if (trimmed.startsWith("00")) {
            return new String(d, 2, Math.max(0, n - 2));
        }
        int trunk = trunkLength(d, n);
        return regionCode + new String(d, trunk, n - trunk);
    }

    /** The length of the calling code that starts {@code d[from, to)}, or 0 when none does. */
    static int callingCodeLength(char[] d, int from, int to) {
        int code = 0;
        for (int k = 1; k <= 3 && from + k < to; k++) {
            code = code * 10 + (d[from + k - 1] - '0');
            if (CALLING_CODES[code]) {
                return k;
            }
        }
        return 0;
    }

    private int trunkLength(char[] d, int length) {
        if (regionTrunk == null || !startsWith(d, 0, length, regionTrunk)) {
            return 0;
        }
        int rest = length - regionTrunk.length();
        return rest > 0 && rest <= MAX_LENGTH && nationalLengths[rest] ? regionTrunk.length() : 0;
    }

    private static boolean isValid(int callingCode, char[] d, int from, int to) {
        int length = to - from;
        if (length < 2 || length > MAX_LENGTH) {
            return false;
        }
        PhoneNumber number = new PhoneNumber().setCountryCode(callingCode);
        if (d[from] == '0') {
            // what PhoneNumberUtil.parse records for national numbers that start with zeros (Italy and others)
            number.setItalianLeadingZero(true);
            int zeros = 1;
            while (zeros < length - 1 && d[from + zeros] == '0') {
                zeros++;
            }
            if (zeros > 1) {
                number.setNumberOfLeadingZeros(zeros);
            }
        }
        long national = 0;
        for (int i = from; i < to; i++) {
            national = national * 10 + (d[i] - '0');
        }
        return UTIL.isValidNumber(number.setNationalNumber(national));
    }

    private static boolean possible(PhoneNumber probe, PhoneNumberType type) {
        return UTIL.isPossibleNumberForTypeWithReason(probe, type) == ValidationResult.IS_POSSIBLE;
    }

    private static boolean startsWith(char[] d, int from, int to, String prefix) {
        if (to - from <= prefix.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (d[from + k] != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static int number(char[] d, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (d[i] - '0');
        }
        return v;
    }
}
