package org.consentry.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a Standard Webhooks signature as Consentry makes it: webhook-signature holds "v1,&lt;base64 of
 * HMAC-SHA256 over id.timestamp.body&gt;" entries (one per secret while Consentry rotates), the key is the
 * base64 after "whsec_", and the timestamp is within five minutes of now (no replay of an old notice).
 */
final class WebhookVerifier {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final byte[] key;

    WebhookVerifier(String secret) {
        if (secret == null || !secret.startsWith("whsec_")) {
            throw new IllegalArgumentException("consentry.client.webhook-secret must be the whsec_... secret Consentry signs with");
        }
        key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    }

    boolean verifies(String id, String timestamp, String signatures, String body, long nowSeconds) {
        if (id == null || timestamp == null || signatures == null || !id.matches("[A-Za-z0-9_-]{1,128}")
                || !timestamp.matches("[0-9]{1,12}")) {
            return false;
        }
        if (Math.abs(nowSeconds - Long.parseLong(timestamp)) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = sign(id + "." + timestamp + "." + body);
        for (String signature : signatures.split(" ")) {
            if (signature.startsWith("v1,")) {
                try {
                    if (MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException notBase64) {
                    // another entry may still match
                }
            }
        }
        return false;
    }

    private byte[] sign(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
