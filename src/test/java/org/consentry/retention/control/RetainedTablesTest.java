package org.consentry.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.consentry.retention.entity.DataCategory;
import org.consentry.retention.entity.Retained;
import org.consentry.retention.entity.RetainedEntity;
import org.consentry.retention.entity.RetainedTable;
import org.consentry.retention.entity.RetentionAction;
import org.consentry.retention.entity.RetentionStart;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

@Proves(Duty.GDPR_5_1_E)
class RetainedTablesTest {

    static final Function<String, Optional<DataCategory>> CATEGORIES = id -> Optional.ofNullable(Map.of(
            "transcript", category("transcript", RetentionAction.DELETE),
            "activity", category("activity", RetentionAction.ANONYMIZE)).get(id));

    static DataCategory category(String id, RetentionAction action) {
        return new DataCategory(id, Period.ofDays(30), RetentionStart.COLLECTION, action, Map.of("en", id, "pl", id));
    }

    abstract static class Row extends RetainedEntity {
        @Override
        public Instant retentionClockStart() {
            return null;
        }

        @Override
        public String subjectId() {
            return null;
        }
    }

    @Table(name = "chat")
    @Retained(category = "activity", dependents = {"chat_line.chat_id"}, anonymized = {"subject_id = '~anonymized'"})
    static class Chat extends Row {
        @Id
        @Column(name = "chat_key")
        String id;
    }

    @Retained(category = "activity")
    static class DeleteOnly extends Row {
        @Id
        String id;
    }

    @Retained(category = "biometrics")
    static class UnknownCategory extends Row {
        @Id
        String id;
    }

    @Retained(category = "transcript")
    static class NotARow {
        @Id
        String id;
    }

    @Cacheable
    @Retained(category = "transcript")
    static class Cached extends Row {
        @Id
        String id;
    }

    @Retained(category = "transcript", dependents = {"line; DROP TABLE x.id"})
    static class Injected extends Row {
        @Id
        String id;
    }

    private static RetainedTable describe(Class<?> entity) {
        return RetainedTables.describe(entity, entity.getAnnotation(Retained.class), CATEGORIES);
    }

    @Test
    void aDeclarationGivesTheTableItsIdItsDependentsAndHowToAnonymiseIt() {
        RetainedTable chat = describe(Chat.class);
        assertEquals("chat", chat.table());
        assertEquals("chat_key", chat.idColumn());
        assertEquals("activity", chat.category());
        assertEquals(List.of(new RetainedTable.Dependent("chat_line", "chat_id")), chat.dependents());
        assertTrue(chat.anonymizable());
    }

    @Test
    void whatCannotBeEnforcedStopsTheStart() {
        assertTrue(assertThrows(IllegalStateException.class, () -> describe(UnknownCategory.class)).getMessage().contains("biometrics"));
        assertTrue(assertThrows(IllegalStateException.class, () -> describe(NotARow.class)).getMessage().contains("RetainedRow"));
        assertTrue(assertThrows(IllegalStateException.class, () -> describe(Cached.class)).getMessage().contains("Cacheable"));
        assertTrue(assertThrows(IllegalStateException.class, () -> describe(DeleteOnly.class)).getMessage()
                .contains("can only be deleted"), "the activity policy says ANONYMIZE");
        assertThrows(RuntimeException.class, () -> describe(Injected.class), "names go into SQL: plain names only");
    }
}
