package org.consentry.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.consentry.retention.entity.RetentionStart;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

@Proves(Duty.GDPR_5_1_E)
class RetentionStampsTest {

    static final Instant COLLECTED = Instant.parse("2026-11-01T10:00:00Z");
    static final Instant CLOSED = Instant.parse("2026-11-20T10:00:00.123456Z");

    @Test
    void theClockStartsWhereTheEntitySaysAndOnlyMovesForward() {
        assertEquals(COLLECTED, RetentionStamps.startOf(RetentionStart.COLLECTION, COLLECTED, null));
        assertEquals(Instant.parse("2026-11-20T10:00:00.123Z"), RetentionStamps.startOf(RetentionStart.CONVERSATION_END, CLOSED, COLLECTED),
                "restarted at the close, to the millisecond stored");
        assertEquals(CLOSED.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                RetentionStamps.startOf(RetentionStart.CONVERSATION_END, COLLECTED, CLOSED.truncatedTo(java.time.temporal.ChronoUnit.MILLIS)),
                "a later update of the row does not undo a restart");
    }

    @Test
    void anEntityThatHasNotStartedClearsItsClock() {
        assertNull(RetentionStamps.startOf(RetentionStart.COLLECTION, null, COLLECTED), "an outbox entry back in delivery");
    }

    @Test
    void theRelationshipsEndIsSetFromOutsideAndKept() {
        assertNull(RetentionStamps.startOf(RetentionStart.RELATIONSHIP_END, COLLECTED, null), "kept while the relationship lasts");
        assertEquals(CLOSED.truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                RetentionStamps.startOf(RetentionStart.RELATIONSHIP_END, null, CLOSED));
    }
}
