package org.consentry.sso.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EndSessionTest {

    @Test
    void theLogoutRequestCarriesTheHintTheClientAndTheWayBackEncoded() {
        assertEquals("https://idp.example.com/logout?id_token_hint=a.b-c_d&client_id=consentry-console"
                + "&post_logout_redirect_uri=https%3A%2F%2Fdesk.example.com%2Fconsole%2F",
                EndSession.url("https://idp.example.com/logout", "a.b-c_d", "consentry-console", "https://desk.example.com/console/"));
        assertTrue(EndSession.url("https://login.example.com/v1/logout?tenant=t1", "x", "c", "https://d/")
                .startsWith("https://login.example.com/v1/logout?tenant=t1&id_token_hint=x&"));
    }

    @Test
    void aSessionExpiresAtItsSignInPlusTheLimitAndNotBefore() {
        Instant signedIn = Instant.parse("2026-12-07T10:00:00Z");
        SsoSession session = new SsoSession("t", signedIn);
        assertFalse(session.expired(signedIn.plusSeconds(89), Duration.ofSeconds(90)));
        assertTrue(session.expired(signedIn.plusSeconds(90), Duration.ofSeconds(90)));
    }

    @Test
    void aSessionLimitOutsideTenSecondsToOneDayStopsTheRequest() {
        SsoSettings settings = new SsoSettings();
        settings.sessionMax = "PT8H";
        assertEquals(Duration.ofHours(8), settings.sessionMax());
        settings.sessionMax = "PT5S";
        assertThrows(IllegalStateException.class, settings::sessionMax);
        settings.sessionMax = "P2D";
        assertThrows(IllegalStateException.class, settings::sessionMax);
    }
}
