package org.consentry.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where operational alerts go (sign-in and token abuse today; other anomalies later, under their own
 * event types): {@code consentry.alerts.webhook.url}, signed the Standard Webhooks way with
 * {@code consentry.alerts.webhook.secret} (and {@code .previous} during a rotation), https only unless
 * {@code consentry.alerts.webhook.allow-http=true} in development. Without a URL no alert is sent (the
 * audit trail and the metrics still record the abuse); a URL without a secret, or a malformed one, stops
 * the start (AlertSettingsCheck), named by its key, never its value.
 */
@ApplicationScoped
public class AlertWebhook {

    static final String KEY = "consentry.alerts.webhook.";

    /** The receiver and its signer. */
    public record Receiver(URI url, WebhookSigner signer) {
    }

    private volatile Optional<Receiver> receiver;

    /** The configured receiver, read once (the start-up check has refused a bad one). */
    public Optional<Receiver> receiver() {
        Optional<Receiver> known = receiver;
        if (known == null) {
            Config config = ConfigProvider.getConfig();
            known = read(key -> config.getOptionalValue(key, String.class), false);
            receiver = known;
        }
        return known;
    }

    /** Parses the keys ({@code value}: a key's value, if set); a problem is an IllegalStateException naming the key. */
    public static Optional<Receiver> read(Function<String, Optional<String>> value, boolean production) {
        Optional<String> url = value.apply(KEY + "url").map(String::strip).filter(v -> !v.isEmpty());
        boolean allowHttp = value.apply(KEY + "allow-http").map(v -> Boolean.parseBoolean(v.strip())).orElse(false);
        if (production && allowHttp) {
            throw new IllegalStateException(KEY + "allow-http: true lets alerts travel over plain HTTP");
        }
        Optional<WebhookSigner> signer = WebhookSigner.configured(KEY + "secret", value.apply(KEY + "secret"),
                value.apply(KEY + "secret.previous"));
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = URI.create(url.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(KEY + "url is not an absolute URL");
        }
        if (uri.getHost() == null || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && allowHttp))) {
            throw new IllegalStateException(KEY + "url must be an absolute https URL (http only with " + KEY
                    + "allow-http=true, in development)");
        }
        return Optional.of(new Receiver(uri, signer.orElseThrow(() -> new IllegalStateException(
                KEY + "secret is not set: alerts are sent only signed"))));
    }
}
