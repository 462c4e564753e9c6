package org.consentry.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One signed JSON POST of a delivery, its answer turned into a {@link DeliveryResult}: 2xx delivered;
 * 408, 425, 429 and 5xx, or no answer, retried; any other status rejected. Redirects are not followed
 * (a receiver cannot send Consentry elsewhere). A receiver that answers later than
 * consentry.outbox.request-timeout (PT10S) is tried again: the same webhook-id, a new webhook-timestamp,
 * signed anew ({@link WebhookSigner}). No unsigned Idempotency-Key is sent beside it: a receiver that
 * deduplicated on one could be replayed under a new key.
 */
@ApplicationScoped
public class SignedPost {

    private final Clock clock = Clock.systemUTC();

    @jakarta.inject.Inject
    @ConfigProperty(name = "consentry.outbox.request-timeout", defaultValue = "PT10S")
    Duration timeout;

    public Duration timeout() {
        return timeout;
    }

    /** Sends {@code body} (UTF-8 JSON) as message {@code messageId}, the id that stays the same on every retry. */
    public DeliveryResult send(URI target, String body, WebhookSigner signer, String messageId, Map<String, String> headers) {
        long now = clock.instant().getEpochSecond();
        HttpRequest.Builder request = DeliveryTraces.propagate(HttpRequest.newBuilder(target))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(WebhookSigner.ID, messageId)
                .header(WebhookSigner.TIMESTAMP, Long.toString(now))
                .header(WebhookSigner.SIGNATURE, signer.signatures(messageId, now, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = VendorHttp.client().send(request.build(), HttpResponse.BodyHandlers.discarding());
            return classify(response.statusCode());
        } catch (IOException e) {
            return new DeliveryResult.Retry("no answer: " + TransportFailure.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Retry("interrupted");
        }
    }

    public static DeliveryResult classify(int status) {
        if (status >= 200 && status < 300) {
            return new DeliveryResult.Delivered("HTTP " + status);
        }
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            return new DeliveryResult.Retry("HTTP " + status);
        }
        return new DeliveryResult.Rejected("HTTP " + status);
    }
}
