package org.consentry.outbox.control;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The HTTP calls of a connector to its vendor's API: one shared client (no redirects followed, a
 * connect timeout), each call bounded by consentry.outbox.request-timeout as every delivery is, and every way a
 * call can go wrong turned into the result of the attempt ({@link Failed}): no answer or 408/425/429/5xx
 * is a retry (not before the vendor's Retry-After when it gives one), another 4xx a rejection naming
 * the vendor, the method and the path template (never an id, a query or a body: they may be personal),
 * an answer that is not the JSON expected a retry too (a vendor's hiccup is not the record's fault).
 */
public final class VendorHttp {

    /**
     * The one client of every outbound call, signed webhooks ({@link SignedPost}) included, made at the first
     * call. {@link #release} lets go of it when the application stops: the client's selector thread runs for as
     * long as the client is reachable, and it keeps the application's class loader (its context class loader)
     * reachable too, so a client held in a static field past the application's end would keep every
     * redeployment's classes in memory (an OutOfMemoryError after some tens of redeployments).
     */
    private static volatile HttpClient client;
    private static volatile boolean released;
    /** The outbox's own bound (its lease is checked at start to be at least twice it), PT10S unless configured. */
    static final String TIMEOUT_KEY = "consentry.outbox.request-timeout";

    private final String vendor;

    public VendorHttp(String vendor) {
        this.vendor = vendor;
    }

    /** An answer: its status, body (may be empty) and headers. */
    public record Answer(int status, String body, HttpHeaders headers) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Ends an attempt early with the result it deserves. */
    public static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient DeliveryResult result;

        public Failed(DeliveryResult result) {
            super(result.what(), null, false, false);
            this.result = result;
        }

        public DeliveryResult result() {
            return result;
        }
    }

    /** A request with a timeout, JSON accepted; the caller adds method, body and authentication. */
    public static HttpRequest.Builder request(java.net.URI uri) {
        return DeliveryTraces.propagate(HttpRequest.newBuilder(uri)).timeout(timeout()).header("Accept", "application/json");
    }

    static HttpClient client() {
        HttpClient known = client;
        if (known == null) {
            synchronized (VendorHttp.class) {
                known = client;
                if (known == null) {
                    known = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                            .followRedirects(HttpClient.Redirect.NEVER).build();
                    if (!released) { // a call in flight while the application stops gets a client of its own
                        client = known;
                    }
                }
            }
        }
        return known;
    }

    /** The application stops ({@link OutboundHttpRelease}): the client goes, and with it its selector thread. */
    static void release() {
        released = true;
        client = null;
        timeout = null;
    }

    /** Read once per application (this class is the application's own): the bound does not change while it runs. */
    private static volatile Duration timeout;

    static Duration timeout() {
        Duration known = timeout;
        if (known == null) {
            try {
                known = ConfigProvider.getConfig().getOptionalValue(TIMEOUT_KEY, Duration.class).orElse(Duration.ofSeconds(10));
            } catch (IllegalStateException noConfig) { // outside a container (unit tests)
                known = Duration.ofSeconds(10);
            }
            timeout = known;
        }
        return known;
    }

    /** A JSON body for {@code method}. */
    public static HttpRequest.Builder json(HttpRequest.Builder request, String method, JsonStructure body) {
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    /** Sends it; any answer comes back, no answer at all ends the attempt as a retry. */
    public Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = client().send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body() == null ? "" : response.body(), response.headers());
        } catch (IOException e) {
            throw new Failed(new DeliveryResult.Retry(vendor + ": no answer: " + TransportFailure.describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed(new DeliveryResult.Retry(vendor + ": interrupted"));
        }
    }

    /** Sends it and expects a 2xx: any other answer ends the attempt ({@link #failure}). */
    public Answer expectOk(HttpRequest request, String pathTemplate) {
        Answer answer = send(request);
        if (!answer.ok()) {
            throw new Failed(failure(request.method(), pathTemplate, answer));
        }
        return answer;
    }

    /** What a non-2xx answer means for the attempt. */
    public DeliveryResult failure(String method, String pathTemplate, Answer answer) {
        DeliveryResult result = SignedPost.classify(answer.status());
        String what = vendor + " " + method + " " + pathTemplate + " answered " + answer.status();
        return result instanceof DeliveryResult.Retry
                ? new DeliveryResult.Retry(what, retryAfter(answer.headers()).orElse(null))
                : new DeliveryResult.Rejected(what);
    }

    /** The answer's body as a JSON object; anything else ends the attempt as a retry. */
    public JsonObject object(Answer answer, String pathTemplate) {
        try (var reader = JSON.createReader(new StringReader(answer.body()))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new Failed(new DeliveryResult.Retry(vendor + " " + pathTemplate + " answered " + answer.status()
                    + " with a body that is not a JSON object"));
        }
    }

    /** Retry-After in seconds or as an HTTP date (RFC 9110 10.2.3); absent or unreadable: empty. */
    public static Optional<Duration> retryAfter(HttpHeaders headers) {
        return headers.firstValue("Retry-After").flatMap(VendorHttp::retryAfter);
    }

    static Optional<Duration> retryAfter(String value) {
        String v = value.strip();
        if (v.matches("\\d{1,7}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Duration d = Duration.between(java.time.Instant.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
