package org.consentry.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.consentry.outbox.control.WebhookSigner;
import org.junit.jupiter.api.Test;

/** The client checks exactly what Consentry's outbox signs (Standard Webhooks), rotation included. */
class WebhookVerifierTest {

    static final String SECRET = "whsec_Y29uc2VudHJ5LWhvc3QtdGVzdC1zZWNyZXQtMDEyMzQ1";
    static final String OLD = "whsec_b2xkLWNvbnNlbnRyeS1ob3N0LXNlY3JldC0wMTIzNDU2Nzg=";
    static final String BODY = "{\"type\":\"consent.changed\",\"subjectId\":\"s-1\",\"purpose\":\"crm-sync\",\"change\":\"WITHDRAWN\"}";

    @Test
    void whatConsentrySignsIsVerifiedAndAnythingChangedIsNot() {
        long now = 1_765_000_000L;
        String signature = WebhookSigner.configured("k", Optional.of(SECRET), Optional.empty()).orElseThrow()
                .signatures("msg_1", now, BODY);
        WebhookVerifier verifier = new WebhookVerifier(SECRET);
        assertTrue(verifier.verifies("msg_1", Long.toString(now), signature, BODY, now + 10));
        assertFalse(verifier.verifies("msg_1", Long.toString(now), signature, BODY.replace("s-1", "s-2"), now), "another body");
        assertFalse(verifier.verifies("msg_2", Long.toString(now), signature, BODY, now), "another id");
        assertFalse(verifier.verifies("msg_1", Long.toString(now), signature, BODY, now + 301), "too old: a replay");
        assertFalse(verifier.verifies("msg_1", Long.toString(now), null, BODY, now), "unsigned");
        assertFalse(new WebhookVerifier(OLD).verifies("msg_1", Long.toString(now), signature, BODY, now), "another secret");
    }

    @Test
    void duringARotationEitherSecretOfTheHostVerifies() {
        long now = 1_765_000_000L;
        String both = WebhookSigner.configured("k", Optional.of(SECRET), Optional.of(OLD)).orElseThrow().signatures("msg_1", now, BODY);
        assertTrue(new WebhookVerifier(OLD).verifies("msg_1", Long.toString(now), both, BODY, now), "a host still on the old secret");
        assertTrue(new WebhookVerifier(SECRET).verifies("msg_1", Long.toString(now), both, BODY, now));
    }

    @Test
    void aSecretThatIsNotWhsecIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new WebhookVerifier("plain-password"));
    }
}
