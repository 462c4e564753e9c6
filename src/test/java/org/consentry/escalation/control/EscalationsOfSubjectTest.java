package org.consentry.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.consentry.escalation.entity.MessageBody;
import org.consentry.redaction.entity.PiiType;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

class EscalationsOfSubjectTest {

    @Test
    @Proves(Duty.GDPR_15)
    void theExportRestoresEachMaskFromItsToken() {
        String text = "karta **** **** **** 1111, PESEL ***********, mail k***@e***.pl";
        int card = text.indexOf("****");
        int pesel = text.indexOf("***********");
        int mail = text.indexOf("k***");
        MessageBody body = new MessageBody(text, List.of(
                new MessageBody.Mask("pii_card", PiiType.CARD, card, card + 19),
                new MessageBody.Mask("pii_pesel", PiiType.PESEL, pesel, pesel + 11),
                new MessageBody.Mask("pii_mail", PiiType.EMAIL, mail, mail + "k***@e***.pl".length())));
        assertEquals("karta 4111 1111 1111 1111, PESEL 44051401359, mail k.w@example.pl",
                EscalationsOfSubject.restored(body, Map.of("pii_card", "4111 1111 1111 1111", "pii_pesel", "44051401359",
                        "pii_mail", "k.w@example.pl")));
    }

    @Test
    void aMaskWhoseTokenIsGoneStaysMasked() {
        MessageBody body = new MessageBody("PESEL ***********", List.of(new MessageBody.Mask("pii_gone", PiiType.PESEL, 6, 17)));
        assertEquals("PESEL ***********", EscalationsOfSubject.restored(body, Map.of()));
    }
}
