package org.consentry.redaction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.validator.routines.IBANValidator;
import org.consentry.redaction.entity.Finding;
import org.consentry.redaction.entity.PiiType;
import org.junit.jupiter.api.Test;

/**
 * Property-based, over generated numbers: every check-digit kind, generated valid (check digits computed
 * with plain arithmetic, {@link SyntheticIds}, never with the code under test), written in every
 * spelling the detectors accept (docs/redaction.md lists them) inside Polish or English text, is found
 * with its exact span; the same number with one digit changed, so that its check digits fail, is never
 * found as its kind. IBANs come from every country commons-validator knows, their BBAN drawn from the
 * country's format. Seeded, so a failure repeats; each spelling is tried {@value #SAMPLES} times and the
 * counts are printed.
 */
class CheckDigitSpellingsTest {

    private static final long SEED = 20261208L;
    private static final int SAMPLES = 300;
    private static final PiiScanner SCANNER = PiiScanner.standard();
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String[] CONTEXTS = {"Numer: %s, dziękuję.", "my number is %s.", "%s",
            "Proszę o zwrot na (%s) jak najszybciej", "Dane: %s\nPozdrawiam", "podaję %s i czekam"};
    private static final Pattern TOKEN = Pattern.compile("\\\\d\\{(\\d+)}|\\[A-Z]\\{(\\d+)}|\\[A-Z0-9]\\{(\\d+)}");
    private static final int[] REGON_9 = {8, 9, 2, 3, 4, 5, 6, 7};
    private static final int[] REGON_14 = {2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8};
    private static final List<String> IBAN_FORMATS = ibanFormats();

    /** A number as written ({@code text}), where the number itself starts in it (after a cue), and its kind. */
    record Written(PiiType type, String text, int offset) {
        Written(PiiType type, String text) {
            this(type, text, 0);
        }
    }

    /** One way of writing one kind. */
    record Spelling(String label, Function<Random, Written> write) {
    }

    @Test
    void everyValidNumberIsFoundInEverySpelling() {
        Random random = new Random(SEED);
        SyntheticIds ids = new SyntheticIds(random);
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (Spelling spelling : valid(ids)) {
            int[] c = counts.computeIfAbsent(spelling.label(), k -> new int[2]);
            for (int i = 0; i < SAMPLES; i++) {
                Written number = spelling.write().apply(random);
                String text = CONTEXTS[random.nextInt(CONTEXTS.length)].formatted(number.text());
                int start = text.indexOf(number.text()) + number.offset();
                int end = start + number.text().length() - number.offset();
                List<Finding> found = SCANNER.scan(text);
                c[0]++;
                if (found.stream().anyMatch(f -> f.start() == start && f.end() == end && accepted(spelling, number, f.type()))) {
                    c[1]++;
                } else if (misses.size() < 20) {
                    misses.add(spelling.label() + ": " + text + " -> " + found);
                }
            }
        }
        print("valid numbers: generated, found with their kind and exact span", counts);
        assertEquals(List.of(), misses, "recall 1.00 on valid numbers in every spelling");
        assertTrue(counts.size() >= 20, "every kind in several spellings");
    }

    @Test
    void oneDigitChangedIsNeverFoundAsItsKind() {
        Random random = new Random(SEED + 1);
        SyntheticIds ids = new SyntheticIds(random);
        Map<String, int[]> counts = new LinkedHashMap<>();
        List<String> falsePositives = new ArrayList<>();
        for (Spelling spelling : invalid(ids)) {
            int[] c = counts.computeIfAbsent(spelling.label(), k -> new int[2]);
            while (c[0] < SAMPLES) {
                Written number = spelling.write().apply(random);
                if (number == null) {
                    continue; // the changed digit happened to keep the check digits valid: not an invalid number
                }
                String text = CONTEXTS[random.nextInt(CONTEXTS.length)].formatted(number.text());
                List<Finding> found = SCANNER.scan(text);
                c[0]++;
                if (found.stream().anyMatch(f -> f.type() == number.type())) {
                    c[1]++;
                    falsePositives.add(spelling.label() + ": " + text + " -> " + found);
                }
            }
        }
        print("numbers with one digit changed: generated, found as their kind", counts);
        assertEquals(List.of(), falsePositives, "no false positive on invalid numbers");
    }

    /**
     * The number's own kind; without the word REGON before it, a REGON that is also another valid number is
     * reported as that one (masked all the same): nine digits that are a Polish phone number, fourteen that
     * pass Luhn as a card number.
     */
    private static boolean accepted(Spelling spelling, Written number, PiiType found) {
        if (found == number.type()) {
            return true;
        }
        String digits = number.text();
        return spelling.label().equals("REGON-9 plain") && found == PiiType.PHONE && isPolishPhone(digits)
                || spelling.label().equals("REGON-14 plain") && found == PiiType.CARD
                && SyntheticIds.luhnCheck(digits.substring(0, 13)) == digits.charAt(13) - '0';
    }

    private static List<Spelling> valid(SyntheticIds ids) {
        List<Spelling> s = new ArrayList<>();
        s.add(new Spelling("IBAN compact", r -> new Written(PiiType.IBAN, iban(r))));
        s.add(new Spelling("IBAN lower case", r -> new Written(PiiType.IBAN, iban(r).toLowerCase(Locale.ROOT))));
        s.add(new Spelling("IBAN in fours", r -> new Written(PiiType.IBAN, groups(iban(r), 4, " "))));
        s.add(new Spelling("IBAN, space after the country", r -> {
            String iban = iban(r);
            return new Written(PiiType.IBAN, iban.substring(0, 2) + " " + iban.substring(2));
        }));
        s.add(new Spelling("IBAN, spaces after country and check", r -> {
            String iban = iban(r);
            return new Written(PiiType.IBAN, iban.substring(0, 2) + " " + iban.substring(2, 4) + " " + groups(iban.substring(4), 4, " "));
        }));
        for (String sep : new String[] {" ", "-", ".", "\u00A0"}) {
            s.add(new Spelling("IBAN, groups of any length, '" + sep + "'", r -> {
                String iban = iban(r);
                return new Written(PiiType.IBAN, iban.substring(0, 2) + randomGroups(r, iban.substring(2), sep));
            }));
        }
        s.add(new Spelling("NRB", r -> new Written(PiiType.IBAN, ids.polishIban().substring(2))));
        s.add(new Spelling("NRB as banks print it", r -> new Written(PiiType.IBAN, SyntheticIds.nrbGroups(ids.polishIban().substring(2)))));
        s.add(new Spelling("card", r -> new Written(PiiType.CARD, ids.card())));
        s.add(new Spelling("card in fours", r -> {
            String card = ids.card();
            return new Written(PiiType.CARD, card.length() == 16 ? groups(card, 4, r.nextBoolean() ? " " : "-") : card);
        }));
        s.add(new Spelling("PESEL", r -> new Written(PiiType.PESEL, ids.pesel())));
        String[][] nipStyles = {{"3322", " "}, {"3322", "-"}, {"3223", " "}, {"3223", "-"}, {"", ""}};
        for (String[] style : nipStyles) {
            String nipLabel = "NIP " + (style[0].isEmpty() ? "plain" : style[0] + " '" + style[1] + "'");
            s.add(new Spelling(nipLabel, r -> new Written(PiiType.NIP, nipSpelled(ids.nip(), style))));
            for (String prefix : new String[] {"PL", "PL ", "PL-", "pl"}) {
                s.add(new Spelling("EU VAT '" + prefix + "' + " + nipLabel,
                        r -> new Written(PiiType.EU_VAT, prefix + nipSpelled(ids.nip(), style))));
            }
        }
        s.add(new Spelling("REGON-9 plain", r -> new Written(PiiType.REGON, regon9(r))));
        s.add(new Spelling("REGON-9 after the word", r -> new Written(PiiType.REGON, "REGON: " + regon9(r), 7)));
        s.add(new Spelling("REGON-9 3-3-3 after the word", r -> new Written(PiiType.REGON, "REGON " + groups(regon9(r), 3, " "), 6)));
        s.add(new Spelling("REGON-14 plain", r -> new Written(PiiType.REGON, regon14(r))));
        s.add(new Spelling("REGON-14 9-5 after 'REGON to'", r -> {
            String regon = regon14(r);
            return new Written(PiiType.REGON, "REGON to " + regon.substring(0, 9) + " " + regon.substring(9), 9);
        }));
        s.add(new Spelling("REGON-14 3-3-3-5 after the word", r -> {
            String regon = regon14(r);
            return new Written(PiiType.REGON, "regon " + groups(regon.substring(0, 9), 3, "-") + "-" + regon.substring(9), 6);
        }));
        return s;
    }

    private static List<Spelling> invalid(SyntheticIds ids) {
        return List.of(
                new Spelling("IBAN", r -> changed(r, PiiType.IBAN, iban(r), 2, n -> groups(n, 4, " "))),
                new Spelling("IBAN, space after the country", r -> changed(r, PiiType.IBAN, iban(r), 2,
                        n -> n.substring(0, 2) + " " + n.substring(2))),
                new Spelling("NRB", r -> changed(r, PiiType.IBAN, ids.polishIban().substring(2), 0, SyntheticIds::nrbGroups)),
                new Spelling("card", r -> changed(r, PiiType.CARD, ids.card(), 0, n -> n)),
                new Spelling("PESEL", r -> changed(r, PiiType.PESEL, ids.pesel(), 0, n -> n)),
                new Spelling("NIP", r -> changed(r, PiiType.NIP, ids.nip(), 0, n -> n)),
                new Spelling("EU VAT", r -> changed(r, PiiType.EU_VAT, ids.nip(), 0, n -> "PL " + n)),
                new Spelling("REGON-9 after the word", r -> changed(r, PiiType.REGON, regon9(r), 0, n -> "REGON " + n)),
                new Spelling("REGON-9 plain", r -> changed(r, PiiType.REGON, regon9(r), 0, n -> n)),
                new Spelling("REGON-14", r -> changed(r, PiiType.REGON, regon14(r), 0, n -> n)));
    }

    /** The number with one of its digits (from {@code from} on) changed; null when its check digits still hold. */
    private static Written changed(Random r, PiiType type, String number, int from, Function<String, String> spelling) {
        List<Integer> digits = new ArrayList<>();
        for (int i = from; i < number.length(); i++) {
            if (Character.isDigit(number.charAt(i))) {
                digits.add(i);
            }
        }
        int i = digits.get(r.nextInt(digits.size()));
        char c = (char) ('0' + (number.charAt(i) - '0' + 1 + r.nextInt(9)) % 10);
        String wrong = number.substring(0, i) + c + number.substring(i + 1);
        return stillValid(type, wrong) ? null : new Written(type, spelling.apply(wrong));
    }

    /** Mod 97, Luhn and PESEL's and NIP's weights catch every single changed digit; REGON's "10 is written 0" does not. */
    private static boolean stillValid(PiiType type, String n) {
        if (type != PiiType.REGON) {
            return false;
        }
        boolean nine = weighted(n, REGON_9) % 11 % 10 == n.charAt(8) - '0';
        return n.length() == 9 ? nine : nine && weighted(n, REGON_14) % 11 % 10 == n.charAt(13) - '0';
    }

    // ---- generators, plain arithmetic ----

    /** "GB\d{2}[A-Z]{4}\d{14}": every country's format, as commons-validator holds it. */
    private static List<String> ibanFormats() {
        List<String> formats = new ArrayList<>();
        for (IBANValidator.Validator v : IBANValidator.getInstance().getDefaultValidators()) {
            for (Pattern p : v.getRegexValidator().getPatterns()) {
                formats.add(p.pattern());
            }
        }
        assertTrue(formats.size() > 90, "every country and territory commons-validator knows: " + formats.size());
        return formats;
    }

    /** A valid IBAN of a random country: the characters after the country code drawn from its format, the first two (always digits) then set to the check digits. */
    static String iban(Random r) {
        String format = IBAN_FORMATS.get(r.nextInt(IBAN_FORMATS.size()));
        Matcher m = TOKEN.matcher(format);
        StringBuilder rest = new StringBuilder();
        int at = 2;
        while (m.find(at) && m.start() == at) {
            at = m.end();
            if (m.group(1) != null) {
                rest.append(draw(r, Integer.parseInt(m.group(1)), "0123456789"));
            } else if (m.group(2) != null) {
                rest.append(draw(r, Integer.parseInt(m.group(2)), "ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
            } else {
                rest.append(draw(r, Integer.parseInt(m.group(3)), "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"));
            }
        }
        assertEquals(format.length(), at, "a format of known tokens only: " + format);
        String country = format.substring(0, 2);
        String bban = rest.substring(2);
        return country + SyntheticIds.ibanCheck(country, bban) + bban;
    }

    private static String regon9(Random r) {
        String body = draw(r, 8, "0123456789");
        return body + weighted(body, REGON_9) % 11 % 10;
    }

    private static String regon14(Random r) {
        String body = regon9(r) + draw(r, 4, "0123456789");
        return body + weighted(body, REGON_14) % 11 % 10;
    }

    private static String draw(Random r, int length, String alphabet) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    private static String nipSpelled(String nip, String[] style) {
        if (style[0].isEmpty()) {
            return nip;
        }
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (char size : style[0].toCharArray()) {
            b.append(at == 0 ? "" : style[1]).append(nip, at, at + size - '0');
            at += size - '0';
        }
        return b.toString();
    }

    private static String groups(String s, int size, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i += size) {
            b.append(i == 0 ? "" : sep).append(s, i, Math.min(s.length(), i + size));
        }
        return b.toString();
    }

    /** Groups of 1 to 6 characters, the first one after the country code. */
    private static String randomGroups(Random r, String s, String sep) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int size = 1 + r.nextInt(6);
            b.append(i == 0 ? "" : sep).append(s, i, Math.min(s.length(), i + size));
            i += size;
        }
        return b.toString();
    }

    private static boolean isPolishPhone(String digits) {
        try {
            return PHONES.isValidNumber(PHONES.parse(digits, "PL"));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static void print(String title, Map<String, int[]> counts) {
        System.out.println(title);
        counts.forEach((label, c) -> System.out.printf(Locale.ROOT, "  %-44s %5d %5d%n", label, c[0], c[1]));
    }
}
