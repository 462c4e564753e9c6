package org.consentry.redaction.control;

import java.util.Locale;
import org.consentry.redaction.entity.PiiType;

/**
 * The normal form of a found value, so that one value written two ways is one value: a phone number's
 * E.164 digits ({@code 600 100 200} and {@code +48600100200}), a card's or national id's digits, an
 * IBAN without spaces (an NRB with its "PL"), an email or IPv6 address in lower case, a REGON's or EU VAT
 * number's digits.
 */
final class ValueKeys {

    private final PhoneNumbers phones;

    ValueKeys(PhoneNumbers phones) {
        this.phones = phones;
    }

    String key(PiiType type, String value) {
        String normal = switch (type) {
            case EMAIL, IPV6 -> value.toLowerCase(Locale.ROOT);
            case PHONE -> phones.e164Digits(value);
            case CARD, PESEL, NIP, REGON, EU_VAT -> digits(value);
            case IBAN -> account(value);
            case IPV4 -> value;
        };
        return type.name() + ':' + normal;
    }

    private static String account(String value) {
        StringBuilder a = new StringBuilder(34);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Boundaries.isAsciiAlnum(c)) {
                a.append(Character.toUpperCase(c));
            }
        }
        return a.length() == 26 && Boundaries.isDigit(a.charAt(0)) ? "PL" + a : a.toString();
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
}
