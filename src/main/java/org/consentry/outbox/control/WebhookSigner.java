package org.consentry.outbox.control;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Signs one receiver's messages the Standard Webhooks way (standardwebhooks.com, spec 1.0.0), with the
 * spec authors' library: {@code webhook-signature} is {@code v1,<base64 HMAC-SHA256 of
 * "<webhook-id>.<webhook-timestamp>.<body>">}, so the id a receiver deduplicates on and the time of
 * the attempt are signed with the body, and a captured message replayed under a new id fails.
 * Secrets are {@code whsec_<base64 of 24 to 64 random bytes>}: the current one and, during a
 * rotation, the previous one; each message carries one signature per secret (space-separated), so a
 * receiver switches at its own pace. A secret in another form (a plain passphrase, as before) stops
 * the start: read as base64 or as text it would silently sign with a key the receiver does not hold.
 */
public final class WebhookSigner {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";
    static final String PREFIX = "whsec_";
    static final int MIN_BYTES = 24;
    static final int MAX_BYTES = 64;

    private final List<Webhook> keys;

    private WebhookSigner(List<Webhook> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * The signer of the secret named {@code name} and of {@code name}.previous; empty when neither is set.
     * A malformed value, or a previous secret without a current one, is a configuration error naming
     * the key (never the value).
     */
    public static Optional<WebhookSigner> configured(String name, Optional<String> current, Optional<String> previous) {
        Optional<String> now = current.filter(s -> !s.isBlank());
        Optional<String> before = previous.filter(s -> !s.isBlank());
        if (now.isEmpty()) {
            if (before.isPresent()) {
                throw new IllegalStateException(name + ".previous is set but " + name + " is not: set the new secret as "
                        + name + " and keep the old one as " + name + ".previous while receivers switch");
            }
            return Optional.empty();
        }
        List<Webhook> keys = new ArrayList<>();
        keys.add(key(name, now.get()));
        before.ifPresent(s -> keys.add(key(name + ".previous", s)));
        return Optional.of(new WebhookSigner(keys));
    }

    /** The webhook-signature header of one attempt: one {@code v1,...} per secret, the current first. */
    public String signatures(String id, long unixSeconds, String body) {
        if (!id.matches("[A-Za-z0-9_-]{1,128}")) {
            // the spec: an id in the signed content must not contain the '.' that delimits it
            throw new IllegalArgumentException("a webhook id is 1-128 of [A-Za-z0-9_-]");
        }
        return keys.stream().map(key -> {
            try {
                return key.sign(id, unixSeconds, body);
            } catch (WebhookSigningException e) {
                throw new IllegalStateException("HMAC-SHA256 unavailable", e);
            }
        }).collect(Collectors.joining(" "));
    }

    private static Webhook key(String name, String value) {
        String problem = name + " must be a Standard Webhooks secret: whsec_ followed by the base64 of "
                + MIN_BYTES + " to " + MAX_BYTES + " random bytes";
        if (!value.startsWith(PREFIX)) {
            throw new IllegalStateException(problem + " (it does not start with whsec_)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(value.substring(PREFIX.length()).strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(problem + " (it is not base64)");
        }
        if (bytes.length < MIN_BYTES || bytes.length > MAX_BYTES) {
            throw new IllegalStateException(problem + " (it has " + bytes.length + " bytes)");
        }
        try {
            return new Webhook(bytes);
        } catch (EmptyWebhookSecretException e) {
            throw new IllegalStateException(problem, e);
        }
    }
}
