package org.consentry.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.consentry.platform.control.AuthRefusal;
import org.consentry.platform.control.AuthRefusal.Kind;
import org.junit.jupiter.api.Test;

/** Which client tag a refusal gets before the cap: a claimed client only when it is an identifier, a person's name never. */
class AuthRefusalTagsTest {

    @Test
    void aTypedUserNameIsTaggedByItsHashOnly() {
        assertEquals("u_AbCdEf12", AuthRefusalMetrics.clientTag(new AuthRefusal(Kind.PASSWORD, "jan.kowalski", "10.0.0.1"), "u_AbCdEf12"));
    }

    @Test
    void aClaimedClientIsTaggedAsItIsOnlyWhenItIsAnIdentifier() {
        assertEquals("bot-shop", AuthRefusalMetrics.clientTag(new AuthRefusal(Kind.TOKEN, "bot-shop", "10.0.0.1"), "c_x"));
        assertEquals("invalid", AuthRefusalMetrics.clientTag(new AuthRefusal(Kind.TOKEN, "jan@example.com", "10.0.0.1"), "c_x"));
        assertEquals("invalid", AuthRefusalMetrics.clientTag(new AuthRefusal(Kind.SSO, "x".repeat(65), "10.0.0.1"), "c_x"));
        assertEquals("none", AuthRefusalMetrics.clientTag(new AuthRefusal(Kind.TOKEN, null, "10.0.0.1"), "none"));
        assertEquals("none", AuthRefusalMetrics.clientTag(new AuthRefusal(Kind.PASSWORD, null, "10.0.0.1"), "none"));
    }

    @Test
    void aClaimedValueIsBoundedBeforeAnyoneSeesIt() {
        assertEquals(256, new AuthRefusal(Kind.TOKEN, "y".repeat(10_000), "10.0.0.1").client().length());
    }
}
