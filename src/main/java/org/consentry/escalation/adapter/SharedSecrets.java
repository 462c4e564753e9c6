package org.consentry.escalation.adapter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * A platform's shared secret (a header, a token) checked in constant time: both sides are hashed
 * first, so neither the length nor a common prefix shows in the timing. No configured secret matches
 * nothing: an unconfigured platform refuses every call.
 */
public final class SharedSecrets {

    private SharedSecrets() {
    }

    public static boolean matches(Optional<String> configured, String sent) {
        String expected = configured.filter(s -> !s.isBlank()).orElse(null);
        return expected != null && sent != null && MessageDigest.isEqual(sha256(expected), sha256(sent));
    }

    /** The base64url SHA-256 of a native id too long or too free for Consentry's id pattern. */
    public static String hash(String id) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(id));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
