package org.consentry.retention.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.Period;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

@Proves(Duty.GDPR_5_1_E)
class RetentionPolicyTest {

    private static RetentionPolicy policy(String period) {
        return new RetentionPolicy("transcript", Period.parse(period), RetentionAction.DELETE, RetentionStart.COLLECTION,
                "default", null, null);
    }

    @Test
    void periodsAreCalendarPeriodsInUtc() {
        assertEquals(Instant.parse("2027-02-28T10:00:00Z"), policy("P1M").until(Instant.parse("2027-01-31T10:00:00Z")),
                "a month from 31 January ends on the last day of February");
        assertEquals(Instant.parse("2030-02-28T23:30:00Z"), policy("P2Y").until(Instant.parse("2028-02-29T23:30:00Z")),
                "two years from a 29 February");
        assertEquals(Instant.parse("2027-03-01T00:00:00Z"), policy("P90D").until(Instant.parse("2026-12-01T00:00:00Z")));
    }

    @Test
    void aClockThatHasNotStartedHasNoEnd() {
        assertNull(policy("P30D").until(null));
    }
}
