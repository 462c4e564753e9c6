package org.consentry.crmsync.connector.zendesk;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.consentry.outbox.control.VendorHttp;
import org.consentry.outbox.control.DeliveryResult;

/**
 * Zendesk Support's REST API (/api/v2) with API token authentication as Zendesk documents it: Basic
 * with {@code {email}/token:{api_token}}. Every call goes through {@link VendorHttp}; a 429 without
 * Retry-After is retried after Zendesk's {@code ratelimit-reset} instead. A failure names the method
 * and the path template only: ids and queries are the subject's.
 */
final class ZendeskApi {

    private static final VendorHttp HTTP = new VendorHttp("zendesk");

    private final String base;
    private final String authorization;

    ZendeskApi(URI url, String email, String apiToken) {
        this.base = url.toString().replaceAll("/+$", "") + "/api/v2";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((email + "/token:" + apiToken).getBytes(StandardCharsets.UTF_8));
    }

    /** GET: the answer as JSON. */
    JsonObject get(String path, String template) {
        return HTTP.object(call(request(path).GET(), template, false).orElseThrow(), template);
    }

    JsonObject post(String path, String template, JsonObject body) {
        return HTTP.object(call(VendorHttp.json(request(path), "POST", body), template, false).orElseThrow(), template);
    }

    JsonObject put(String path, String template, JsonObject body) {
        return HTTP.object(call(VendorHttp.json(request(path), "PUT", body), template, false).orElseThrow(), template);
    }

    /** DELETE: whether it deleted something; 404 (already gone) is false. */
    boolean delete(String path, String template) {
        return call(request(path).DELETE(), template, true).isPresent();
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return VendorHttp.request(URI.create(base + path)).header("Authorization", authorization);
    }

    private Optional<VendorHttp.Answer> call(HttpRequest.Builder builder, String template, boolean notFoundIsGone) {
        HttpRequest request = builder.build();
        VendorHttp.Answer answer = HTTP.send(request);
        if (answer.ok()) {
            return Optional.of(answer);
        }
        if (answer.status() == 404 && notFoundIsGone) {
            return Optional.empty();
        }
        DeliveryResult result = HTTP.failure(request.method(), "/api/v2" + template, answer);
        if (result instanceof DeliveryResult.Retry retry && retry.after() == null) {
            // Zendesk's rate-limit headers (ratelimit-reset: seconds until the window resets)
            Optional<Duration> reset = answer.headers().firstValue("ratelimit-reset")
                    .filter(v -> v.strip().matches("\\d{1,6}")).map(v -> Duration.ofSeconds(Long.parseLong(v.strip())));
            if (reset.isPresent() && answer.status() == 429) {
                result = new DeliveryResult.Retry(retry.what(), reset.get());
            }
        }
        throw new VendorHttp.Failed(result);
    }
}
