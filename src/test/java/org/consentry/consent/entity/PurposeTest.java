package org.consentry.consent.entity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

/** When a consent record counts as a current consent for its purpose. */
class PurposeTest {

    static final Instant GRANTED_AT = Instant.parse("2026-01-10T12:00:00Z");

    static Purpose purpose(LawfulBasis basis, Set<String> accepted, Optional<Period> validFor) {
        return new Purpose("crm-sync", basis, "2026-11", accepted, validFor, Map.of("en", "CRM", "pl", "CRM"),
                List.of("contact"), List.of("crm"));
    }

    static ConsentRecord granted(String purpose, String notice) {
        return ConsentRecord.grant("s-1", purpose, notice, "chat", "m-1", "bot", GRANTED_AT);
    }

    @Test
    void aLiveGrantUnderTheCurrentNoticeIsCurrent() {
        var purpose = purpose(LawfulBasis.CONSENT, Set.of("2026-11"), Optional.empty());
        assertTrue(purpose.isCurrent(granted("crm-sync", "2026-11"), GRANTED_AT.plusSeconds(3600)));
    }

    @Test
    @Proves(Duty.GDPR_7_3)
    void aWithdrawnOrSupersededGrantIsNotCurrent() {
        var purpose = purpose(LawfulBasis.CONSENT, Set.of("2026-11"), Optional.empty());
        var withdrawn = granted("crm-sync", "2026-11");
        withdrawn.withdraw("bot", GRANTED_AT.plusSeconds(60));
        var superseded = granted("crm-sync", "2026-11");
        superseded.supersede("bot", GRANTED_AT.plusSeconds(60));
        assertFalse(purpose.isCurrent(withdrawn, GRANTED_AT.plusSeconds(120)));
        assertFalse(purpose.isCurrent(superseded, GRANTED_AT.plusSeconds(120)));
    }

    @Test
    void aGrantUnderANoticeNoLongerAcceptedIsNotCurrent() {
        var purpose = purpose(LawfulBasis.CONSENT, Set.of("2026-11"), Optional.empty());
        assertFalse(purpose.isCurrent(granted("crm-sync", "2026-06"), GRANTED_AT));
        var lenient = purpose(LawfulBasis.CONSENT, Set.of("2026-11", "2026-06"), Optional.empty());
        assertTrue(lenient.isCurrent(granted("crm-sync", "2026-06"), GRANTED_AT));
    }

    @Test
    void aGrantOlderThanTheValidityIsNotCurrent() {
        var purpose = purpose(LawfulBasis.CONSENT, Set.of("2026-11"), Optional.of(Period.ofYears(1)));
        var record = granted("crm-sync", "2026-11");
        assertTrue(purpose.isCurrent(record, Instant.parse("2027-01-10T11:59:59Z")));
        assertFalse(purpose.isCurrent(record, Instant.parse("2027-01-10T12:00:00Z")));
    }

    @Test
    void aGrantForAnotherPurposeOrNoneIsNotCurrent() {
        var purpose = purpose(LawfulBasis.CONSENT, Set.of("2026-11"), Optional.empty());
        assertFalse(purpose.isCurrent(granted("transcript-analytics", "2026-11"), GRANTED_AT));
        assertFalse(purpose.isCurrent(null, GRANTED_AT));
    }

    @Test
    void onlyTheConsentBasisNeedsAConsentRecord() {
        for (LawfulBasis basis : LawfulBasis.values()) {
            assertTrue(purpose(basis, Set.of("2026-11"), Optional.empty()).requiresConsent() == (basis == LawfulBasis.CONSENT));
        }
    }
}
