package org.consentry.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.consentry.escalation.entity.MessageBody;
import org.consentry.redaction.entity.PiiType;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

class NameMaskTest {

    @Test
    @Proves(Duty.GDPR_25)
    void aNameKeepsItsInitials() {
        assertEquals("K*** W***", NameMask.of("Katarzyna Wiśniewska"));
        assertEquals("Ł*** Ż***", NameMask.of("  Łukasz   Żółć "));
        assertEquals("J***", NameMask.of("Jan"));
        assertNull(NameMask.of(null));
    }

    @Test
    void aMessageBodySurvivesItsJson() {
        var body = new MessageBody("karta **** 1111 i \"cudzysłów\"", java.util.List.of(new MessageBody.Mask("pii_abc", PiiType.CARD, 6, 15)));
        assertEquals(body, MessageBody.fromJson(body.toJson()));
    }
}
