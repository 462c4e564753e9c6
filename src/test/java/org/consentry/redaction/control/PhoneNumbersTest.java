package org.consentry.redaction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * PhoneNumbers builds libphonenumber's PhoneNumber from the digits instead of calling the slower
 * PhoneNumberUtil.parse: it must come to the same verdict as parse + isValidNumber.
 */
class PhoneNumbersTest {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    @Test
    void agreesWithParseOnNationalNumbers() {
        Random random = new Random(11);
        int compared = 0;
        for (String region : List.of("PL", "GB", "DE", "US", "FR", "IT")) {
            PhoneNumbers phones = new PhoneNumbers(region);
            for (int k = 0; k < 4000; k++) {
                String digits = digits(random, 7 + random.nextInt(6));
                char[] d = digits.toCharArray();
                // parse also reads "49 7904 117343" in DE as +49 7904 117343, the calling code without its '+';
                // the scanner does not: a bare 11-digit "48..." in Polish text is more often an id than a phone
                boolean startsWithOwnCode = digits.startsWith(String.valueOf(UTIL.getCountryCodeForRegion(region)));
                // and "00..." (in the US "011...") is an international prefix: the scanner sends such numbers
                // down the international path, as parse does
                boolean international = digits.startsWith("00") || region.equals("US") && digits.startsWith("011");
                if (phones.isNationalLength(d, d.length) && !startsWithOwnCode && !international) {
                    assertEquals(parsedValid(digits, region), phones.isValidNational(d, d.length), region + " " + digits);
                    compared++;
                }
            }
        }
        System.out.println("phone shortcut agrees with parse on " + compared + " national samples");
        assertTrue(compared > 5000);
    }

    @Test
    void agreesWithParseOnInternationalNumbers() {
        Random random = new Random(12);
        String[] codes = {"48", "44", "49", "1", "33", "39", "420", "353", "380", "7", "86", "800"};
        for (int k = 0; k < 20000; k++) {
            String digits = codes[random.nextInt(codes.length)] + digits(random, 6 + random.nextInt(7));
            char[] d = digits.toCharArray();
            assertEquals(parsedValid("+" + digits, "ZZ"), PhoneNumbers.isValidInternational(d, 0, d.length), digits);
        }
    }

    @Test
    void normalisesToE164ForComparison() {
        PhoneNumbers phones = new PhoneNumbers("PL");
        assertEquals("48600100200", phones.e164Digits("600 100 200"));
        assertEquals("48600100200", phones.e164Digits("+48 600-100-200"));
        assertEquals("48600100200", phones.e164Digits("0048 600 100 200"));
        assertEquals("442079460958", new PhoneNumbers("GB").e164Digits("020 7946 0958"));
    }

    private static boolean parsedValid(String number, String region) {
        try {
            return UTIL.isValidNumber(UTIL.parse(number, region));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static String digits(Random random, int count) {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < count; i++) {
            d.append((char) ('0' + random.nextInt(10)));
        }
        return d.toString();
    }
}
