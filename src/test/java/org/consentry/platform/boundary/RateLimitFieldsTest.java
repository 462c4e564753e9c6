package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.consentry.platform.control.RateLimitStatus;
import org.junit.jupiter.api.Test;

/** The two fields as draft-ietf-httpapi-ratelimit-headers-09 writes them: RFC 8941 items with integer parameters. */
class RateLimitFieldsTest {

    @Test
    void thePolicyNamesQuotaAndWindowInSeconds() {
        var handoff = new RateLimitStatus.Reported("handoff", 1200, 60, 1187, 1);
        assertEquals("\"handoff\";q=1200;w=60", RateLimitFields.policy(handoff));
        assertEquals("\"handoff\";r=1187;t=1", RateLimitFields.remaining(handoff));
    }

    @Test
    void aRefusalSaysNothingIsLeft() {
        var refused = new RateLimitStatus.Reported("reveal", 20, 600, 0, 30);
        assertEquals("\"reveal\";q=20;w=600", RateLimitFields.policy(refused));
        assertEquals("\"reveal\";r=0;t=30", RateLimitFields.remaining(refused));
    }

    @Test
    void namesAreStructuredFieldStrings() {
        assertEquals("\"a\\\"b\\\\c\"", RateLimitFields.string("a\"b\\c"));
        assertThrows(IllegalArgumentException.class, () -> RateLimitFields.string("zażółć"));
        assertThrows(IllegalArgumentException.class, () -> RateLimitFields.string("a\r\nSet-Cookie: x"));
    }

    @Test
    void integersStayWithinTheStructuredFieldRange() {
        assertEquals("999999999999999", RateLimitFields.integer(Long.MAX_VALUE));
        assertEquals("0", RateLimitFields.integer(-1));
    }

    @Test
    void theFieldNamesAreTheDraftsNotXRateLimit() {
        assertEquals("RateLimit", RateLimitFields.REMAINING);
        assertEquals("RateLimit-Policy", RateLimitFields.POLICY);
    }
}
