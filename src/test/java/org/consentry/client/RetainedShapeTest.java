package org.consentry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How the stamp and the sweep read a @Retained host entity, and what they refuse. */
class RetainedShapeTest {

    @Entity
    @Table(name = "helpdesk_ticket")
    @Retained(category = "transcript")
    static class Ticket {
        @SubjectId
        @Column(name = "customer_id")
        String customer;
        @RetainUntil
        @Column(name = "retain_until")
        Instant until;
    }

    @Entity
    @Retained(category = "transcript")
    static class NoStamp {
        @SubjectId
        String customer;
    }

    @Entity
    @Retained(category = "transcript")
    static class WrongType {
        @SubjectId
        String customer;
        @RetainUntil
        java.util.Date until;
    }

    @Test
    void theTableTheCategoryAndTheColumnsTheSweepUses() {
        RetainedShape shape = RetainedShape.of(Ticket.class);
        assertEquals("helpdesk_ticket", shape.table);
        assertEquals("transcript", shape.category);
        assertEquals("retain_until", shape.untilColumn);
        assertEquals("customer_id", shape.subjectColumn);
        assertEquals(false, shape.local);
    }

    @Test
    void anEntityWithoutAnInstantStampIsRefusedNamingTheRule() {
        assertTrue(assertThrows(IllegalStateException.class, () -> RetainedShape.of(NoStamp.class)).getMessage().contains("@RetainUntil field"));
        assertTrue(assertThrows(IllegalStateException.class, () -> RetainedShape.of(WrongType.class)).getMessage().contains("@RetainUntil field"));
        assertThrows(IllegalStateException.class, () -> RetainedShape.of(String.class), "not @Retained");
    }
}
