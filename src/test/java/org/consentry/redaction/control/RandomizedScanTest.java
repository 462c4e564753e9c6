package org.consentry.redaction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.consentry.redaction.entity.Finding;
import org.consentry.redaction.entity.PiiType;
import org.junit.jupiter.api.Test;

/**
 * Generated identifiers in generated Polish/English filler with punctuation: every valid one is found
 * with its type and exact span, and nothing else is; numbers with a wrong check digit are never
 * reported as their type. Seeded, so a failure repeats.
 */
class RandomizedScanTest {

    private static final long SEED = 20261129L;
    private static final int TEXTS = 3000;
    private static final String[] WORDS = ("dzień dobry proszę o zwrot na konto mój numer to karta zapłaciłem "
            + "dziękuję bardzo telefon zadzwoń faktura firma przelew zamówienie klient konsultant "
            + "hello please refund my card number is call me invoice account thanks order agent customer "
            + "żółć gęś łódź źdźbło świetnie także już").split(" ");
    private static final String[] BEFORE = {" ", " (", " \"", ": ", "\n", " - ", ", "};
    private static final String[] AFTER = {" ", ". ", ", ", ") ", "! ", "? ", "; ", "\n", "\" "};

    private final PiiScanner scanner = PiiScanner.standard();

    @Test
    void findsEveryValidIdentifierWithItsExactSpan() {
        Random random = new Random(SEED);
        SyntheticIds ids = new SyntheticIds(random);
        List<Supplier<Labelled>> makers = List.of(
                () -> new Labelled(PiiType.PESEL, ids.pesel()),
                () -> {
                    String nip = ids.formatNip(ids.nip());
                    return new Labelled(nip.startsWith("PL") ? PiiType.EU_VAT : PiiType.NIP, nip);
                },
                () -> new Labelled(PiiType.IBAN, random.nextBoolean() ? SyntheticIds.groupsOfFour(ids.polishIban()) : ids.polishIban()),
                () -> new Labelled(PiiType.IBAN, random.nextBoolean() ? SyntheticIds.nrbGroups(ids.polishIban().substring(2)) : ids.polishIban().substring(2)),
                () -> new Labelled(PiiType.IBAN, SyntheticIds.groupsOfFour(ids.germanIban())),
                () -> new Labelled(PiiType.CARD, ids.formatCard(ids.card())),
                () -> new Labelled(PiiType.PHONE, ids.phone()),
                () -> new Labelled(PiiType.EMAIL, ids.email()),
                () -> new Labelled(PiiType.IPV4, ids.ipv4()));
        int[] perType = new int[PiiType.values().length];
        for (int t = 0; t < TEXTS; t++) {
            StringBuilder text = new StringBuilder(filler(random));
            List<Finding> expected = new ArrayList<>();
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
                Labelled id = makers.get(random.nextInt(makers.size())).get();
                text.append(BEFORE[random.nextInt(BEFORE.length)]);
                expected.add(new Finding(id.type(), text.length(), text.length() + id.value().length()));
                text.append(id.value()).append(AFTER[random.nextInt(AFTER.length)]).append(filler(random));
                perType[id.type().ordinal()]++;
            }
            String s = text.toString();
            assertEquals(expected, scanner.scan(s), () -> "text " + s);
        }
        StringBuilder counts = new StringBuilder("randomized: found every one of");
        for (PiiType type : PiiType.values()) {
            counts.append(' ').append(perType[type.ordinal()]).append(' ').append(type);
        }
        System.out.println(counts);
        for (PiiType type : List.of(PiiType.PESEL, PiiType.NIP, PiiType.IBAN, PiiType.CARD, PiiType.PHONE, PiiType.EMAIL)) {
            assertTrue(perType[type.ordinal()] >= 500, type + " generated " + perType[type.ordinal()]);
        }
    }

    @Test
    void neverReportsANumberWithAWrongCheckDigitAsItsType() {
        Random random = new Random(SEED + 1);
        SyntheticIds ids = new SyntheticIds(random);
        List<Supplier<Labelled>> makers = List.of(
                () -> new Labelled(PiiType.PESEL, ids.otherDigit(ids.pesel(), 10)),
                () -> new Labelled(PiiType.NIP, ids.formatNip(ids.otherDigit(ids.nip(), 9))),
                () -> new Labelled(PiiType.IBAN, ids.otherDigit(ids.polishIban(), 2 + random.nextInt(2))),
                () -> new Labelled(PiiType.IBAN, SyntheticIds.nrbGroups(ids.otherDigit(ids.polishIban(), 3).substring(2))),
                () -> new Labelled(PiiType.IBAN, SyntheticIds.groupsOfFour(ids.otherDigit(ids.germanIban(), 3))),
                () -> new Labelled(PiiType.CARD, ids.formatCard(lastDigitChanged(ids, ids.card()))));
        int checked = 0;
        for (int t = 0; t < TEXTS; t++) {
            Labelled id = makers.get(random.nextInt(makers.size())).get();
            String before = filler(random) + BEFORE[random.nextInt(BEFORE.length)];
            String s = before + id.value() + AFTER[random.nextInt(AFTER.length)] + filler(random);
            int from = before.length();
            int to = from + id.value().length();
            for (Finding f : scanner.scan(s)) {
                assertTrue(f.type() != id.type() || f.end() <= from || f.start() >= to, () -> "wrongly accepted: " + s);
            }
            checked++;
        }
        assertEquals(TEXTS, checked);
    }

    private static String lastDigitChanged(SyntheticIds ids, String card) {
        return ids.otherDigit(card, card.length() - 1);
    }

    private static String filler(Random random) {
        StringBuilder f = new StringBuilder();
        for (int k = 1 + random.nextInt(6); k > 0; k--) {
            f.append(k == 0 ? "" : " ").append(WORDS[random.nextInt(WORDS.length)]);
            if (random.nextInt(5) == 0) {
                f.append(",.!?;:".charAt(random.nextInt(6)));
            }
        }
        return f.toString();
    }

    private record Labelled(PiiType type, String value) {
    }
}
