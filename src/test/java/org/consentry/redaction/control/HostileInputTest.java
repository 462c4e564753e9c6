package org.consentry.redaction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.consentry.redaction.entity.Finding;
import org.consentry.redaction.entity.Operator;
import org.consentry.redaction.entity.PiiType;
import org.consentry.redaction.entity.RedactedText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile and malformed input: the scanner terminates, never throws and returns well-formed findings.
 * That it stays linear is measured in RedactionBenchmark (scanHostile), not asserted with timings here.
 */
class HostileInputTest {

    private static final int SIZE = 200 * 1024;
    private static final PiiScanner SCANNER = PiiScanner.standard();

    @ParameterizedTest
    @ValueSource(strings = {"0", "@", ":", ".", "1 ", "1.", "1-", "a@", "a.", "1:", "f:", "::1 ", "+1", "(1)", "(",
            "600 ", "4111 ", "PL61 ", "\uD800", "\uDC00", "ą", "\u00A0", "1\u00A0", "AL12", "be 8 ", "PL 1-", "REGON 1 "})
    void terminatesOnLongRunsOfOnePattern(String unit) {
        String text = unit.repeat(SIZE / unit.length());
        wellFormed(text, SCANNER.scan(text));
    }

    @Test
    void terminatesOnManyOverlappingPhoneCandidates() {
        String text = "600 ".repeat(SIZE / 4);
        List<Finding> findings = SCANNER.scan(text);
        wellFormed(text, findings);
        assertTrue(findings.size() > 1000, "each three groups read as a mobile number");
    }

    @Test
    void terminatesOnAnIdentifierBuriedInAHugeToken() {
        String text = "1".repeat(SIZE) + "44051401359" + "1".repeat(SIZE);
        assertEquals(List.of(), SCANNER.scan(text));
        String local = "a".repeat(SIZE) + "@example.com";
        assertEquals(List.of(), SCANNER.scan(local));
        String domain = "jan@" + "a".repeat(SIZE) + ".com";
        assertEquals(List.of(), SCANNER.scan(domain));
    }

    @Test
    void neverThrowsOnRandomNastyText() {
        Random random = new Random(7);
        String alphabet = "0123456789 0123456789 +-.,:;/()@_PLplDEfFaAx\uD800\uDC00\uD83D\uDE00ąęł\u00A0\n\t#=";
        Redactor redactor = new Redactor(SCANNER);
        for (int round = 0; round < 300; round++) {
            char[] chars = new char[1 + random.nextInt(4000)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String text = new String(chars);
            wellFormed(text, SCANNER.scan(text));
            for (Operator operator : Operator.values()) {
                RedactionPolicy policy = RedactionPolicy.of(java.util.Map.of(PiiType.CARD, operator, PiiType.PESEL, operator,
                        PiiType.PHONE, operator, PiiType.EMAIL, operator));
                RedactedText out = redactor.newTranscript(policy, (type, value) -> "[T]").redact(text);
                for (var r : out.replacements()) {
                    assertEquals(r.replacement(), out.text().substring(r.start(), r.end()));
                }
            }
        }
    }

    @Test
    void handlesUnpairedSurrogatesNextToIdentifiers() {
        String text = "\uD800jan@example.com\uDC00 \uDC0044051401359\uD800 \uD83D\uDE004111111111111111";
        List<Finding> findings = SCANNER.scan(text);
        wellFormed(text, findings);
        assertEquals(List.of(PiiType.EMAIL, PiiType.PESEL, PiiType.CARD), findings.stream().map(Finding::type).toList());
    }

    private static void wellFormed(String text, List<Finding> findings) {
        int reached = 0;
        for (Finding f : findings) {
            assertTrue(f.start() >= reached && f.end() <= text.length(), "ordered, non-overlapping, in bounds");
            reached = f.end();
        }
    }
}
