package org.consentry.redaction.control;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;

/**
 * Synthetic identifiers for tests, with check digits computed here independently of the code under
 * test (plain arithmetic, not commons-validator), so that a shared mistake cannot hide.
 */
final class SyntheticIds {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final int[] PESEL_WEIGHTS = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
    private static final int[] NIP_WEIGHTS = {6, 5, 7, 2, 3, 4, 5, 6, 7};
    private static final List<String> MOBILE = List.of("500", "512", "530", "570", "600", "601", "660", "691", "722", "733", "781", "793", "880");
    private static final List<String> AREA = List.of("12", "22", "32", "42", "58", "61", "71", "81", "91");

    private final Random random;

    SyntheticIds(Random random) {
        this.random = random;
    }

    String digits(int count) {
        StringBuilder d = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            d.append((char) ('0' + random.nextInt(10)));
        }
        return d.toString();
    }

    /** A valid PESEL of a random date between 1800 and 2299. */
    String pesel() {
        int year = 1800 + random.nextInt(500);
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(java.time.YearMonth.of(year, month).lengthOfMonth());
        int offset = switch (year / 100) {
            case 18 -> 80;
            case 19 -> 0;
            case 20 -> 20;
            case 21 -> 40;
            default -> 60;
        };
        String body = String.format("%02d%02d%02d%s", year % 100, month + offset, day, digits(4));
        return body + peselCheck(body);
    }

    static int peselCheck(String body) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (body.charAt(i) - '0') * PESEL_WEIGHTS[i];
        }
        return (10 - sum % 10) % 10;
    }

    String nip() {
        while (true) {
            String body = (1 + random.nextInt(9)) + digits(8);
            int check = nipCheck(body);
            if (check < 10) {
                return body + check;
            }
        }
    }

    static int nipCheck(String body) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * NIP_WEIGHTS[i];
        }
        return sum % 11;
    }

    String formatNip(String nip) {
        return switch (random.nextInt(6)) {
            case 0 -> nip.substring(0, 3) + "-" + nip.substring(3, 6) + "-" + nip.substring(6, 8) + "-" + nip.substring(8);
            case 1 -> nip.substring(0, 3) + "-" + nip.substring(3, 5) + "-" + nip.substring(5, 7) + "-" + nip.substring(7);
            case 2 -> nip.substring(0, 3) + " " + nip.substring(3, 6) + " " + nip.substring(6, 8) + " " + nip.substring(8);
            case 3 -> "PL" + nip;
            default -> nip;
        };
    }

    /** A Polish IBAN, without spaces. */
    String polishIban() {
        String bban = digits(24);
        return "PL" + ibanCheck("PL", bban) + bban;
    }

    static String ibanCheck(String country, String bban) {
        StringBuilder numeric = new StringBuilder();
        for (char c : (bban + country + "00").toCharArray()) {
            numeric.append(Character.getNumericValue(c));
        }
        int check = 98 - new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format("%02d", check);
    }

    String germanIban() {
        String bban = digits(18);
        return "DE" + ibanCheck("DE", bban) + bban;
    }

    static String groupsOfFour(String s) {
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < s.length(); i += 4) {
            g.append(i == 0 ? "" : " ").append(s, i, Math.min(s.length(), i + 4));
        }
        return g.toString();
    }

    static String nrbGroups(String nrb) {
        return nrb.substring(0, 2) + " " + groupsOfFour(nrb.substring(2));
    }

    /** {prefix, length} of card numbers in the networks' ranges. */
    private static final String[][] CARD_KINDS = {
            {"4", "16"}, {"4", "13"}, {"4", "19"}, {"51", "16"}, {"55", "16"}, {"2221", "16"}, {"2720", "16"},
            {"34", "15"}, {"37", "15"}, {"6011", "16"}, {"65", "16"}, {"3528", "16"}, {"36", "14"}, {"62", "16"}};

    String card() {
        String[] kind = CARD_KINDS[random.nextInt(CARD_KINDS.length)];
        String body = kind[0] + digits(Integer.parseInt(kind[1]) - kind[0].length() - 1);
        return body + luhnCheck(body);
    }

    static int luhnCheck(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                d = d > 9 ? d - 9 : d;
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    String formatCard(String card) {
        if (random.nextBoolean() || card.length() == 13) {
            return card;
        }
        String sep = random.nextBoolean() ? " " : "-";
        if (card.length() == 15 || card.length() == 14) {
            return card.substring(0, 4) + sep + card.substring(4, 10) + sep + card.substring(10);
        }
        return groupsOfFour(card).replace(" ", sep);
    }

    /** A phone number that libphonenumber's own parser accepts as valid, in one of the usual formats. */
    String phone() {
        while (true) {
            String candidate = phoneCandidate();
            try {
                if (PHONES.isValidNumber(PHONES.parse(candidate, "PL"))) {
                    return candidate;
                }
            } catch (NumberParseException e) {
                // try another
            }
        }
    }

    private String phoneCandidate() {
        String m = MOBILE.get(random.nextInt(MOBILE.size())) + digits(6);
        String l = AREA.get(random.nextInt(AREA.size())) + (2 + random.nextInt(7)) + digits(6);
        String[] shapes = {
                m.substring(0, 3) + " " + m.substring(3, 6) + " " + m.substring(6),
                m.substring(0, 3) + "-" + m.substring(3, 6) + "-" + m.substring(6),
                m,
                "+48 " + m.substring(0, 3) + " " + m.substring(3, 6) + " " + m.substring(6),
                "+48" + m,
                "0048 " + m.substring(0, 3) + " " + m.substring(3, 6) + " " + m.substring(6),
                "(" + l.substring(0, 2) + ") " + l.substring(2, 5) + " " + l.substring(5, 7) + " " + l.substring(7),
                l.substring(0, 2) + " " + l.substring(2, 5) + " " + l.substring(5, 7) + " " + l.substring(7),
                "+48 " + l.substring(0, 2) + " " + l.substring(2, 5) + "-" + l.substring(5, 7) + "-" + l.substring(7),
                "+44 20 7946 0" + digits(3),
                "+1 (" + (2 + random.nextInt(8)) + digits(2) + ") 555-01" + digits(2),
                "+49 30 " + (2 + random.nextInt(8)) + digits(7),
        };
        return shapes[random.nextInt(shapes.length)];
    }

    String email() {
        String[] tlds = {"com", "pl", "org", "net", "eu", "info", "example", "test"};
        StringBuilder local = new StringBuilder(word(1 + random.nextInt(8), false));
        for (int k = random.nextInt(3); k > 0; k--) {
            local.append(".+_-".charAt(random.nextInt(4))).append(word(1 + random.nextInt(6), false));
        }
        StringBuilder domain = new StringBuilder();
        for (int k = 1 + random.nextInt(2); k > 0; k--) {
            domain.append(word(2 + random.nextInt(8), true)).append(random.nextInt(5) == 0 ? "-" + word(3, true) : "").append('.');
        }
        String address = local + "@" + domain + tlds[random.nextInt(tlds.length)];
        return random.nextInt(10) == 0 ? address.toUpperCase(java.util.Locale.ROOT) : address;
    }

    private String word(int length, boolean polishLetters) {
        String letters = polishLetters ? "abcdefghijklmnoprstuwyząęłóśźżń0123456789" : "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder w = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            w.append(letters.charAt(random.nextInt(letters.length())));
        }
        return w.toString();
    }

    String ipv4() {
        return (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** {@code value} with its digit at {@code index} replaced by another digit. */
    String otherDigit(String value, int index) {
        int d = value.charAt(index) - '0';
        int other = (d + 1 + random.nextInt(9)) % 10;
        return value.substring(0, index) + other + value.substring(index + 1);
    }
}
