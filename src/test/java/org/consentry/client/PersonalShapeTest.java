package org.consentry.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.persistence.descriptors.changetracking.ChangeTracker;
import org.junit.jupiter.api.Test;

/** How the listener reads a host entity, and the rules it refuses to guess past. */
class PersonalShapeTest {

    @Entity
    @Table(name = "ticket")
    @Cacheable(false)
    static class Ticket implements ChangeTracker {
        @Id
        String id = "t-1";
        @SubjectId
        String customer = "cust-1";
        @Personal(purpose = "support")
        @Convert(converter = SealedText.class)
        @Column(name = "customer_name")
        String name;
        @Personal(purpose = "support")
        @Convert(converter = SealedText.class)
        String email;
        @Personal(purpose = "crm-sync", category = "activity")
        @Convert(converter = SealedText.class)
        String note;
    }

    @Entity
    static class Cached implements ChangeTracker {
        @Id
        String id;
        @SubjectId
        String customer;
        @Personal(purpose = "support")
        @Convert(converter = SealedText.class)
        String name;
    }

    @Entity
    @Cacheable(false)
    static class NoConverter implements ChangeTracker {
        @Id
        String id;
        @SubjectId
        String customer;
        @Personal(purpose = "support")
        String name;
    }

    @Entity
    @Cacheable(false)
    static class NoSubject implements ChangeTracker {
        @Id
        String id;
        @Personal(purpose = "support")
        @Convert(converter = SealedText.class)
        String name;
    }

    @Test
    void theTableTheColumnsTheirPurposesAndEachValuesAddress() {
        PersonalShape shape = PersonalShape.of(Ticket.class);
        assertEquals("ticket", shape.table);
        assertEquals(Map.of("support", List.of(new PersonalShape.Named("ticket.customer_name", "contact"),
                new PersonalShape.Named("ticket.email", "contact")), "crm-sync", List.of(new PersonalShape.Named("ticket.note", "activity"))),
                shape.named);
        Ticket ticket = new Ticket();
        assertEquals("cust-1", shape.subjectOf(ticket));
        assertArrayEquals("consentry/host/v1|ticket|customer_name|t-1".getBytes(StandardCharsets.UTF_8),
                shape.address(shape.byPurpose.get("support").get(0), ticket));
        ticket.id = null;
        assertThrows(IllegalStateException.class, () -> shape.address(shape.byPurpose.get("support").get(0), ticket),
                "a row needs its id before it is sealed (the id is in the associated data)");
        ticket.customer = " ";
        assertThrows(IllegalStateException.class, () -> shape.subjectOf(ticket));
    }

    @Entity
    @Cacheable(false)
    static class NotWoven {
        @Id
        String id;
        @SubjectId
        String customer;
        @Personal(purpose = "support")
        @Convert(converter = SealedText.class)
        String name;
    }

    @Test
    void anEntityThatCannotBeGuardedIsRefusedNamingTheRule() {
        assertTrue(assertThrows(IllegalStateException.class, () -> PersonalShape.of(NotWoven.class)).getMessage()
                .contains("woven change tracking"), "changes found by comparison would write opened values unsealed");
        assertTrue(assertThrows(IllegalStateException.class, () -> PersonalShape.of(Cached.class)).getMessage()
                .contains("@Cacheable(false)"));
        assertTrue(assertThrows(IllegalStateException.class, () -> PersonalShape.of(NoConverter.class)).getMessage()
                .contains("SealedText"));
        assertTrue(assertThrows(IllegalStateException.class, () -> PersonalShape.of(NoSubject.class)).getMessage()
                .contains("@SubjectId"));
    }
}
