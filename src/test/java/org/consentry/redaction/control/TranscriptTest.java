package org.consentry.redaction.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.consentry.redaction.entity.Finding;
import org.consentry.redaction.entity.Operator;
import org.consentry.redaction.entity.PiiType;
import org.consentry.redaction.entity.RedactedText;
import org.consentry.redaction.entity.Replacement;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    private static final Redactor REDACTOR = new Redactor(PiiScanner.standard());
    private static final String MESSAGE = "Jestem jan.kowalski@example.com, tel. +48 600 100 789, karta 4111 1111 1111 1111, "
            + "PESEL 44051401359, NIP 526-025-02-74, konto PL61 1090 1014 0000 0712 1981 2874, IP 203.0.113.7 i 2001:db8::1.";

    private final List<String> tokenized = new ArrayList<>();
    private final Tokenizer tokenizer = (type, value) -> {
        tokenized.add(type + ":" + value);
        return "tok_" + type.name().toLowerCase() + "_" + tokenized.size();
    };

    private static RedactionPolicy all(Operator operator) {
        Map<PiiType, Operator> operators = new EnumMap<>(PiiType.class);
        for (PiiType type : PiiType.values()) {
            operators.put(type, operator);
        }
        return RedactionPolicy.of(operators);
    }

    @Test
    @Proves({Duty.GDPR_5_1_C, Duty.GDPR_25})
    void masksWithTheDefaultPolicyAndTokenizesCardsAndPesels() {
        RedactedText out = REDACTOR.newTranscript(RedactionPolicy.defaults(), tokenizer).redact(MESSAGE);
        assertEquals("Jestem j***@e***.com, tel. +48 *** *** 789, karta tok_card_1, PESEL tok_pesel_2, NIP ***-***-**-74, "
                + "konto PL** **** 2874, IP 203.*.*.* i 2001:*:*:*:*:*:*:*.", out.text());
        assertEquals(List.of("CARD:4111 1111 1111 1111", "PESEL:44051401359"), tokenized);
        assertEquals(8, out.replacements().size());
    }

    @Test
    void replacementOffsetsPointIntoTheOutputAndTheTextBetweenIsTheInputs() {
        List<Finding> findings = PiiScanner.standard().scan(MESSAGE);
        for (Operator operator : Operator.values()) {
            RedactedText out = REDACTOR.newTranscript(all(operator), tokenizer).redact(MESSAGE);
            assertEquals(findings.size(), out.replacements().size());
            StringBuilder rebuilt = new StringBuilder();
            int inputCopied = 0;
            for (int i = 0; i < findings.size(); i++) {
                Finding f = findings.get(i);
                Replacement r = out.replacements().get(i);
                assertEquals(f.type(), r.type());
                assertEquals(operator, r.operator());
                rebuilt.append(MESSAGE, inputCopied, f.start());
                assertEquals(rebuilt.length(), r.start(), operator + " " + r);
                rebuilt.append(r.replacement());
                assertEquals(rebuilt.length(), r.end());
                assertEquals(r.replacement(), out.text().substring(r.start(), r.end()));
                assertEquals(operator == Operator.DROP ? null : MESSAGE.substring(f.start(), f.end()), r.original());
                inputCopied = f.end();
            }
            rebuilt.append(MESSAGE.substring(inputCopied));
            assertEquals(out.text(), rebuilt.toString(), operator.name());
        }
    }

    @Test
    void applyingTheOriginalsBackRestoresTheInput() {
        for (Operator operator : List.of(Operator.MASK, Operator.PLACEHOLDER, Operator.TOKENIZE)) {
            RedactedText out = REDACTOR.newTranscript(all(operator), tokenizer).redact(MESSAGE);
            StringBuilder restored = new StringBuilder(out.text());
            List<Replacement> reversed = new ArrayList<>(out.replacements());
            java.util.Collections.reverse(reversed);
            for (Replacement r : reversed) {
                restored.replace(r.start(), r.end(), r.original());
            }
            assertEquals(MESSAGE, restored.toString(), operator.name());
        }
    }

    @Test
    void placeholdersAreTypedAndStableAcrossMessages() {
        Transcript transcript = REDACTOR.newTranscript(all(Operator.PLACEHOLDER), null);
        assertEquals("Napisz na [EMAIL_1] albo [EMAIL_2], tel. [PHONE_1].",
                transcript.redact("Napisz na jan@example.com albo ewa@example.org, tel. 600 100 200.").text());
        // the same values written differently: upper-case email, international phone
        assertEquals("To ja, [EMAIL_1], numer [PHONE_1], nowy [PHONE_2].",
                transcript.redact("To ja, JAN@EXAMPLE.COM, numer +48 600-100-200, nowy 0048 600 100 201.").text());
        assertEquals("[CARD_1] [CARD_1] [IBAN_1] [IBAN_1]",
                transcript.redact("4111111111111111 4111-1111-1111-1111 PL61109010140000071219812874 61 1090 1014 0000 0712 1981 2874").text());
        // another conversation numbers afresh
        assertEquals("[EMAIL_1]", REDACTOR.newTranscript(all(Operator.PLACEHOLDER), null).redact("ewa@example.org").text());
    }

    @Test
    void tokenizesEachValueOnceAndReusesTheToken() {
        Transcript transcript = REDACTOR.newTranscript(all(Operator.TOKENIZE), tokenizer);
        RedactedText first = transcript.redact("karta 4111 1111 1111 1111");
        RedactedText second = transcript.redact("ta sama karta: 4111111111111111");
        assertEquals("karta tok_card_1", first.text());
        assertEquals("ta sama karta: tok_card_1", second.text());
        assertEquals(List.of("CARD:4111 1111 1111 1111"), tokenized);
        assertEquals("4111111111111111", second.replacements().get(0).original());
    }

    @Test
    @Proves(Duty.GDPR_5_1_C)
    void dropLeavesTheBareLabelAndNoOriginal() {
        RedactedText out = REDACTOR.newTranscript(all(Operator.DROP), null).redact("PESEL 44051401359, mail jan@example.com");
        assertEquals("PESEL [PESEL], mail [EMAIL]", out.text());
        for (Replacement r : out.replacements()) {
            assertNull(r.original());
            assertEquals(Operator.DROP, r.operator());
        }
        assertEquals(new Replacement(PiiType.PESEL, Operator.DROP, 6, 13, null, "[PESEL]"), out.replacements().get(0));
    }

    @Test
    void mixesOperatorsPerType() {
        RedactionPolicy policy = RedactionPolicy.of(Map.of(PiiType.EMAIL, Operator.PLACEHOLDER, PiiType.PESEL, Operator.DROP));
        RedactedText out = REDACTOR.newTranscript(policy, tokenizer).redact("jan@example.com 44051401359 4111111111111111 600 100 200");
        assertEquals("[EMAIL_1] [PESEL] tok_card_1 *** *** 200", out.text());
    }

    @Test
    void leavesTextWithoutFindingsAsItIs() {
        String text = "Dzień dobry, zamówienie 100234 z 12.05.2024 na 1 299,00 zł.";
        RedactedText out = REDACTOR.newTranscript(RedactionPolicy.defaults(), tokenizer).redact(text);
        assertSame(text, out.text());
        assertTrue(out.replacements().isEmpty());
    }

    @Test
    void needsATokenizerOnlyWhenThePolicyTokenizes() {
        assertThrows(IllegalArgumentException.class, () -> REDACTOR.newTranscript(RedactionPolicy.defaults(), null));
        REDACTOR.newTranscript(all(Operator.MASK), null);
        Transcript broken = REDACTOR.newTranscript(all(Operator.TOKENIZE), (type, value) -> null);
        NullPointerException e = assertThrows(NullPointerException.class, () -> broken.redact("4111111111111111"));
        assertFalse(e.getMessage().contains("4111"), "no value in the message");
    }

    @Test
    void replacementsDoNotPrintTheirOriginal() {
        RedactedText out = REDACTOR.newTranscript(all(Operator.MASK), null).redact("PESEL 44051401359");
        assertFalse(out.replacements().get(0).toString().contains("44051401359"));
    }
}
