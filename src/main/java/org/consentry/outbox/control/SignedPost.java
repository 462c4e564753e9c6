package org.consentry.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One signed JSON POST of a delivery, its answer turned into a {@link DeliveryResult}: 2xx delivered;
 * 408, 425, 429 and 5xx, or no answer, retried; any other status rejected. Redirects are not followed
 * (a receiver cannot send Consentry elsewhere). A receiver that answers later than
 * consentry.outbox.request-timeout (PT10S) is tried again (it gets the same Idempotency-Key).
 */
@ApplicationScoped
public class SignedPost {

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final Clock clock = Clock.systemUTC();

    @jakarta.inject.Inject
    @ConfigProperty(name = "consentry.outbox.request-timeout", defaultValue = "PT10S")
    Duration timeout;

    public Duration timeout() {
        return timeout;
    }

    public DeliveryResult send(URI target, byte[] body, byte[] secret, String idempotencyKey, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .header(Signature.HEADER, Signature.header(secret, clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
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
