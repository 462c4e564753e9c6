package org.consentry.consent.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

/** The life of one consent record: granted, then withdrawn or superseded, never both, never undone. */
class ConsentRecordTest {

    static final Instant T0 = Instant.parse("2026-11-01T08:00:00Z");

    @Test
    @Proves(Duty.GDPR_7_3)
    void aGrantIsLiveUntilItEnds() {
        var record = ConsentRecord.grant("s-1", "crm-sync", "2026-11", "chat", "m-1", "bot", T0);
        assertEquals(ConsentStatus.GRANTED, record.status());
        assertTrue(record.isLive());
        assertNull(record.endedAt());

        record.withdraw("admin", T0.plusSeconds(10));
        assertEquals(ConsentStatus.WITHDRAWN, record.status());
        assertFalse(record.isLive());
        assertEquals("admin", record.endedBy());
        assertEquals(T0.plusSeconds(10), record.endedAt());
        assertEquals("m-1", record.evidence(), "the evidence stays with the record");
    }

    @Test
    void anEndedRecordCannotEndAgain() {
        var record = ConsentRecord.grant("s-1", "crm-sync", "2026-11", "chat", "m-1", "bot", T0);
        record.supersede("bot", T0.plusSeconds(1));
        assertThrows(IllegalStateException.class, () -> record.withdraw("bot", T0.plusSeconds(2)));
        assertEquals(ConsentStatus.SUPERSEDED, record.status());
    }

    @Test
    void aRecordCannotEndBeforeItBegan() {
        var record = ConsentRecord.grant("s-1", "crm-sync", "2026-11", "chat", "m-1", "bot", T0);
        assertThrows(IllegalArgumentException.class, () -> record.withdraw("bot", T0.minusSeconds(1)));
        assertTrue(record.isLive());
    }

    @Test
    void theSameGrantIsRecognisedAndAnotherIsNot() {
        var record = ConsentRecord.grant("s-1", "crm-sync", "2026-11", "chat", "m-1", "bot", T0);
        assertTrue(record.sameGrant("2026-11", "chat", "m-1"));
        assertFalse(record.sameGrant("2026-12", "chat", "m-1"));
        assertFalse(record.sameGrant("2026-11", "email", "m-1"));
        assertFalse(record.sameGrant("2026-11", "chat", "m-2"));
        record.withdraw("bot", T0.plusSeconds(1));
        assertFalse(record.sameGrant("2026-11", "chat", "m-1"), "a withdrawn grant is not repeated by a new one");
    }
}
