package org.consentry.crmsync.connector.chatwoot;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number the way Chatwoot accepts it: E.164, "+" and up to fifteen digits (its Contact model
 * validates /\A\+[1-9]\d{1,14}\z/ and refuses anything else with a 422). A number without a country
 * code is read in the recipient's default region; one that libphonenumber does not find valid is
 * not sent at all (a 422 would block the whole contact).
 */
final class ChatwootPhone {

    /** Chatwoot's own validation of contacts.phone_number. */
    static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
    static final String DEFAULT_REGION = "PL";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance(); // thread-safe

    private ChatwootPhone() {
    }

    static Optional<String> e164(String number, String region) {
        try {
            Phonenumber.PhoneNumber parsed = PHONES.parse(number, region);
            if (!PHONES.isValidNumber(parsed)) {
                return Optional.empty();
            }
            String formatted = PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
            return E164.matcher(formatted).matches() ? Optional.of(formatted) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** Whether libphonenumber knows the region (a two-letter CLDR code such as PL or DE). */
    static boolean knownRegion(String region) {
        return PHONES.getSupportedRegions().contains(region);
    }
}
