package org.consentry.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

class ReasonTextTest {

    @Test
    @Proves(Duty.GDPR_5_1_C)
    void personalDataTypedIntoAReasonIsDropped() {
        assertEquals("customer asked to confirm [EMAIL] and [PHONE] (ticket 4411)",
                new ReasonText().clean("customer asked to confirm jan.k@example.com and +48 601 234 567 (ticket 4411)"));
        assertEquals("PESEL [PESEL] given by phone", new ReasonText().clean("PESEL 44051401359 given by phone"));
    }

    @Test
    void aReasonIsOneBoundedLine() {
        assertEquals("line one line two", new ReasonText().clean("line one\nline two"));
        assertEquals(300, new ReasonText().clean("x".repeat(1000)).length());
    }
}
