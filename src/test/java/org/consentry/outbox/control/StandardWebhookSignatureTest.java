package org.consentry.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.consentry.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;

/**
 * Security review finding 6 (signed idempotency) at unit level: the signer against the Standard
 * Webhooks test vector published with the spec's libraries (libraries/java WebhookTest
 * verifyWebhookSignWorks), checked by a receiver written from the spec.
 */
class StandardWebhookSignatureTest {

    // the published vector: secret, message id, timestamp, payload and the signature they give
    static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long SPEC_TIMESTAMP = 1614265330L;
    static final String SPEC_PAYLOAD = "{\"test\": 2432232314}";
    static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    static final String PREVIOUS = "whsec_6FA2fb1WBjg0Z3Q4M9vH/7iN0weCa6TEuTr/kPRLX/o=";
    static final String NAME = "consentry.crm.secret";

    private static WebhookSigner signer(String current, String previous) {
        return WebhookSigner.configured(NAME, Optional.ofNullable(current), Optional.ofNullable(previous)).orElseThrow();
    }

    @Test
    void theSpecsTestVectorSignsAndVerifies() {
        assertEquals(SPEC_SIGNATURE, signer(SPEC_SECRET, null).signatures(SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD));
        assertTrue(new WebhookReceiver(SPEC_SECRET).verifies(SPEC_ID, Long.toString(SPEC_TIMESTAMP), SPEC_SIGNATURE,
                SPEC_PAYLOAD, SPEC_TIMESTAMP), "the test's receiver agrees with the spec");
    }

    @Test
    void aReplayUnderANewIdOrTimestampFailsVerification() {
        String signatures = signer(SPEC_SECRET, null).signatures(SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD);
        WebhookReceiver receiver = new WebhookReceiver(SPEC_SECRET);
        String at = Long.toString(SPEC_TIMESTAMP);
        assertFalse(receiver.verifies("msg_another", at, signatures, SPEC_PAYLOAD, SPEC_TIMESTAMP), "another id");
        assertFalse(receiver.verifies(SPEC_ID, Long.toString(SPEC_TIMESTAMP + 1), signatures, SPEC_PAYLOAD, SPEC_TIMESTAMP),
                "another timestamp");
        assertFalse(receiver.verifies(SPEC_ID, at, signatures, SPEC_PAYLOAD, SPEC_TIMESTAMP + 301), "after the tolerance");
    }

    @Test
    void duringARotationEveryMessageCarriesBothSignaturesAndEitherReceiverVerifies() {
        String signatures = signer(SPEC_SECRET, PREVIOUS).signatures(SPEC_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD);
        assertTrue(signatures.startsWith(SPEC_SIGNATURE + " v1,"), "the current secret's first: " + signatures);
        assertEquals(2, signatures.split(" ").length);
        String at = Long.toString(SPEC_TIMESTAMP);
        assertTrue(new WebhookReceiver(SPEC_SECRET).verifies(SPEC_ID, at, signatures, SPEC_PAYLOAD, SPEC_TIMESTAMP), "switched");
        assertTrue(new WebhookReceiver(PREVIOUS).verifies(SPEC_ID, at, signatures, SPEC_PAYLOAD, SPEC_TIMESTAMP), "not yet switched");
        assertFalse(new WebhookReceiver(PREVIOUS).verifies("msg_another", at, signatures, SPEC_PAYLOAD, SPEC_TIMESTAMP),
                "a replay under a new id fails for the old secret too");
    }

    @Test
    void aSecretNotInTheWhsecFormStopsTheStartNamingTheKeyNotTheValue() {
        IllegalStateException plain = assertThrows(IllegalStateException.class, () -> signer("it-crm-secret", null));
        assertTrue(plain.getMessage().startsWith(NAME + " must be a Standard Webhooks secret"), plain.getMessage());
        assertFalse(plain.getMessage().contains("it-crm-secret"), "the value is never echoed");
        assertThrows(IllegalStateException.class, () -> signer("whsec_not base64!", null));
        IllegalStateException shortKey = assertThrows(IllegalStateException.class, () -> signer("whsec_AAAAAAAAAAAAAAAAAAAAAA==", null));
        assertTrue(shortKey.getMessage().contains("16 bytes"), shortKey.getMessage());
        IllegalStateException previous = assertThrows(IllegalStateException.class, () -> signer(SPEC_SECRET, "old-plain"));
        assertTrue(previous.getMessage().startsWith(NAME + ".previous must be"), previous.getMessage());
        IllegalStateException orphan = assertThrows(IllegalStateException.class, () -> signer(null, PREVIOUS));
        assertTrue(orphan.getMessage().startsWith(NAME + ".previous is set but " + NAME + " is not"), orphan.getMessage());
    }

    @Test
    void withoutASecretThereIsNoSigner() {
        assertTrue(WebhookSigner.configured(NAME, Optional.empty(), Optional.empty()).isEmpty());
        assertTrue(WebhookSigner.configured(NAME, Optional.of(" "), Optional.empty()).isEmpty());
    }

    @Test
    void anIdThatCouldShiftTheSignedFieldsIsRefused() {
        WebhookSigner signer = signer(SPEC_SECRET, null);
        assertThrows(IllegalArgumentException.class, () -> signer.signatures("msg.1614265330", SPEC_TIMESTAMP, SPEC_PAYLOAD));
        assertThrows(IllegalArgumentException.class, () -> signer.signatures("", SPEC_TIMESTAMP, SPEC_PAYLOAD));
    }
}
