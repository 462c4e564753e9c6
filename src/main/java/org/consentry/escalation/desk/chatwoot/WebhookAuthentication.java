package org.consentry.escalation.desk.chatwoot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/**
 * Whether a webhook comes from this deployment's Chatwoot. Always: the secret token in the URL Chatwoot was
 * given (consentry.desk.chatwoot.webhook-token), compared in constant time. And where Chatwoot signs its
 * webhooks (Chatwoot PR #13573, account webhooks, Feb 2026; #13892 API inbox and agent bot webhooks) and the
 * deployment set consentry.desk.chatwoot.webhook-signing-secret: X-Chatwoot-Signature must be
 * "sha256=" + hex HMAC-SHA256 under that secret of "&lt;X-Chatwoot-Timestamp&gt;.&lt;raw body&gt;", the timestamp
 * within five minutes of now. Anything else is a 401 before the body is read.
 */
@ApplicationScoped
public class WebhookAuthentication {

    static final long TOLERANCE_SECONDS = 300;

    @Inject
    DeskSettings settings;

    @Inject
    Clock clock;

    void verify(String token, String timestamp, String signature, byte[] body) {
        String expected = settings.webhookToken();
        if (expected.isEmpty() || token == null || !same(token, expected)) {
            throw unauthenticated("The webhook URL's token is not this deployment's");
        }
        Optional<String> secret = settings.signingSecret();
        if (secret.isPresent()) {
            verifySignature(secret.get(), timestamp, signature, body, clock.instant().getEpochSecond());
        }
    }

    static void verifySignature(String secret, String timestamp, String signature, byte[] body, long nowSeconds) {
        if (timestamp == null || !timestamp.matches("\\d{1,12}")
                || Math.abs(nowSeconds - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
            throw unauthenticated("X-Chatwoot-Timestamp is missing or not within five minutes of now");
        }
        byte[] expected = ("sha256=" + sign(secret, timestamp, body)).getBytes(StandardCharsets.US_ASCII);
        if (signature == null || !MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw unauthenticated("X-Chatwoot-Signature does not match the body");
        }
    }

    /** Hex HMAC-SHA256 of "&lt;timestamp&gt;.&lt;body&gt;", as Chatwoot's Webhooks::Trigger computes it. */
    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Equal strings, in a time that tells nothing about where they differ (or how long the expected one is). */
    static boolean same(String given, String expected) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(given.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, sha.digest(expected.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static ProblemException unauthenticated(String detail) {
        return new ProblemException(Problems.UNAUTHENTICATED, detail);
    }
}
