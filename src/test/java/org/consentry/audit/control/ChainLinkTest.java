package org.consentry.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.consentry.audit.entity.AuditEvent;
import org.consentry.audit.entity.Outcome;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

/** The chain's HMAC covers every member, the position, the previous hash, and depends on the key. */
@Proves(Duty.GDPR_32)
class ChainLinkTest {

    static final SecretKeySpec KEY = new SecretKeySpec(new byte[32], "HmacSHA256");

    static AuditEvent event(String detail) {
        return new AuditEvent(Instant.parse("2026-11-29T10:00:00Z"), "agent1", "agent", "escalation.reveal",
                "support-handoff", "s_abc", "customer_email", Outcome.ALLOWED, detail);
    }

    @Test
    void theHashChangesWithAnyMemberPositionOrPredecessor() {
        ChainLink link = new ChainLink(KEY);
        String base = link.hash(event("reason: customer asked"), 7, "prev");
        assertEquals(base, link.hash(event("reason: customer asked"), 7, "prev"));
        assertNotEquals(base, link.hash(event("reason: customer asked!"), 7, "prev"));
        assertNotEquals(base, link.hash(event("reason: customer asked"), 8, "prev"));
        assertNotEquals(base, link.hash(event("reason: customer asked"), 7, "other"));
        assertNotEquals(base, new ChainLink(new SecretKeySpec(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, "HmacSHA256"))
                .hash(event("reason: customer asked"), 7, "prev"), "without the key the chain cannot be rebuilt");
        assertEquals(64, base.length());
    }

    @Test
    void membersCannotBeShiftedIntoEachOther() {
        ChainLink link = new ChainLink(KEY);
        AuditEvent a = new AuditEvent(Instant.EPOCH, "ab", "c", "x", null, null, null, Outcome.DONE, null);
        AuditEvent b = new AuditEvent(Instant.EPOCH, "a", "bc", "x", null, null, null, Outcome.DONE, null);
        assertNotEquals(link.hash(a, 1, "g"), link.hash(b, 1, "g"));
    }
}
