package org.consentry.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a Standard Webhooks receiver checks (standardwebhooks.com, "Verifying signatures"), written
 * from the spec with the JDK alone, independent of the sender's code: HMAC-SHA256 under the
 * {@code whsec_} secret over {@code "<webhook-id>.<webhook-timestamp>.<raw body>"}, base64, compared
 * in constant time with each {@code v1,<sig>} of the space-separated webhook-signature, and the
 * timestamp within five minutes of now.
 */
public final class WebhookReceiver {

    public static final long TOLERANCE_SECONDS = 300;

    private final byte[] key;

    public WebhookReceiver(String whsecSecret) {
        if (!whsecSecret.startsWith("whsec_")) {
            throw new IllegalArgumentException("not a whsec_ secret");
        }
        this.key = Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
    }

    /** True when one of the listed signatures is this secret's over id, timestamp and body. */
    public boolean verifies(String id, String timestamp, String signatures, String body, long nowSeconds) {
        if (id == null || timestamp == null || signatures == null || !timestamp.matches("\\d{1,12}")
                || Math.abs(nowSeconds - Long.parseLong(timestamp)) > TOLERANCE_SECONDS) {
            return false;
        }
        byte[] expected = hmac(id + "." + timestamp + "." + body).getBytes(StandardCharsets.US_ASCII);
        for (String signature : signatures.split(" ")) {
            String[] parts = signature.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, parts[1].getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    /** The same for a request as it arrived at a stand-in. */
    public boolean verifies(StandIn.Request request, long nowSeconds) {
        return verifies(request.header("webhook-id"), request.header("webhook-timestamp"),
                request.header("webhook-signature"), request.body(), nowSeconds);
    }

    private String hmac(String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
