package org.consentry.outbox.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignatureTest {

    static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);
    static final byte[] BODY = "{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureVerifiesWithItsSecretWithinTheWindow() {
        String header = Signature.header(SECRET, 1_800_000_000L, BODY);
        assertTrue(header.matches("t=1800000000,v1=[0-9a-f]{64}"), header);
        assertTrue(Signature.verify(SECRET, header, BODY, 1_800_000_100L, 300));
    }

    @Test
    void anotherSecretBodyOrAnOldTimestampFails() {
        String header = Signature.header(SECRET, 1_800_000_000L, BODY);
        assertFalse(Signature.verify("other".getBytes(StandardCharsets.UTF_8), header, BODY, 1_800_000_000L, 300));
        assertFalse(Signature.verify(SECRET, header, "{\"text\":\"hellO\"}".getBytes(StandardCharsets.UTF_8), 1_800_000_000L, 300));
        assertFalse(Signature.verify(SECRET, header, BODY, 1_800_000_301L, 300), "a replay after the window");
        assertFalse(Signature.verify(SECRET, header.replace("t=1800000000", "t=1800000200"), BODY, 1_800_000_200L, 300),
                "the timestamp is signed too");
        assertFalse(Signature.verify(SECRET, null, BODY, 1_800_000_000L, 300));
        assertFalse(Signature.verify(SECRET, "garbage", BODY, 1_800_000_000L, 300));
    }
}
