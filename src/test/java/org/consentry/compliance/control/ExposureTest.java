package org.consentry.compliance.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.consentry.compliance.entity.Compromise;
import org.consentry.compliance.entity.Holding;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

/** The Art. 34(3)(a) reasoning: sealed data stays unintelligible while the key that wraps it is safe. */
@Proves({Duty.GDPR_33, Duty.GDPR_34})
class ExposureTest {

    static final Set<Holding> STORED = Set.of(
            new Holding("contact", Holding.Source.DATABASE, true),
            new Holding("transcript", Holding.Source.DATABASE, true),
            new Holding("activity", Holding.Source.DATABASE, false));
    static final Compromise DUMP = new Compromise(Compromise.Kind.DATABASE_DUMP, null, null);

    @Test
    void aDumpAloneExposesSealedDataUnintelligiblyAndClearMetadataIntelligibly() {
        List<Exposure.Category> exposed = Exposure.of(STORED, Set.of(2), List.of(DUMP));
        assertEquals(List.of(
                new Exposure.Category("activity", false, List.of("DATABASE_DUMP")),
                new Exposure.Category("contact", true, List.of("DATABASE_DUMP")),
                new Exposure.Category("transcript", true, List.of("DATABASE_DUMP"))), exposed);
    }

    @Test
    void aDumpWithTheKekVersionThatWrapsTheSubjectsKeyOpensItsSealedData() {
        Compromise kek1 = new Compromise(Compromise.Kind.KEK_VERSION, 1, null);
        assertTrue(Exposure.of(STORED, Set.of(1), List.of(DUMP, kek1)).stream().noneMatch(Exposure.Category::unintelligible));
        assertTrue(Exposure.of(STORED, Set.of(2), List.of(DUMP, kek1)).stream()
                .filter(c -> !c.category().equals("activity")).allMatch(Exposure.Category::unintelligible),
                "another version's key stays closed");
        assertTrue(Exposure.of(STORED, Set.of(1, 2), List.of(DUMP, kek1)).stream().noneMatch(Exposure.Category::unintelligible),
                "re-wrapped during the window: the older version counts too");
    }

    @Test
    void aKekVersionAloneExposesNothing() {
        assertEquals(List.of(), Exposure.of(STORED, Set.of(1), List.of(new Compromise(Compromise.Kind.KEK_VERSION, 1, null))));
    }

    @Test
    void aServersMemoryHoldsWhatItProcessedInClear() {
        Set<Holding> processed = Set.of(new Holding("contact", Holding.Source.DATABASE, true),
                new Holding("contact", Holding.Source.MEMORY, false));
        Compromise memory = new Compromise(Compromise.Kind.SERVER_MEMORY, null, "node1");
        assertEquals(List.of(new Exposure.Category("contact", false, List.of("SERVER_MEMORY"))), Exposure.of(processed, Set.of(1), List.of(memory)));
        assertEquals(List.of(new Exposure.Category("contact", false, List.of("DATABASE_DUMP", "SERVER_MEMORY"))),
                Exposure.of(processed, Set.of(1), List.of(memory, DUMP)), "the memory's keys open the dump too");
    }

    @Test
    void theCrmConnectorExposesWhatLeftInClearButNotWhatLeftAsTokens() {
        Set<Holding> sent = Set.of(new Holding("contact", Holding.Source.CRM, true), new Holding("transcript", Holding.Source.CRM, false));
        Compromise crm = new Compromise(Compromise.Kind.CRM_CONNECTOR, null, null);
        assertEquals(List.of(new Exposure.Category("contact", true, List.of("CRM_CONNECTOR")),
                new Exposure.Category("transcript", false, List.of("CRM_CONNECTOR"))), Exposure.of(sent, Set.of(1), List.of(crm)));
        assertEquals(List.of(), Exposure.of(sent, Set.of(1), List.of(DUMP)), "nothing of it lies in the database");
    }
}
