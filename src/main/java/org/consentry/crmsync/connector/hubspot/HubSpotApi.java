package org.consentry.crmsync.connector.hubspot;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.consentry.outbox.control.VendorHttp;
import org.consentry.outbox.control.DeliveryResult;

/**
 * HubSpot's CRM v3 API for one recipient: its base URL (https://api.hubapi.com in production) and its
 * private-app access token, sent as a Bearer token. A call that does not succeed ends the attempt
 * ({@link VendorHttp.Failed}) with the result its status deserves; a 429 waits as long as HubSpot's
 * rate-limit headers say ({@link HubSpotRateLimit}).
 */
final class HubSpotApi {

    static final String VENDOR = "hubspot";
    private static final VendorHttp HTTP = new VendorHttp(VENDOR);

    private final String base;
    private final String token;

    HubSpotApi(URI url, String token) {
        this.base = url.toString().replaceAll("/+$", "");
        this.token = token;
    }

    /** A POST expecting a 2xx; its JSON object, or null when the answer has no body (204). */
    JsonObject post(String path, JsonObject body) {
        return call("POST", path, path, body, false);
    }

    /** The same, with a 404 answered as null: what was asked for is not (or no longer) there. */
    JsonObject postUnlessMissing(String path, JsonObject body) {
        return call("POST", path, path, body, true);
    }

    /** A GET of {@code path} (the template {@code template} names it in results), null for 404. */
    JsonObject getUnlessMissing(String path, String template) {
        return call("GET", path, template, null, true);
    }

    /** A PATCH, null for 404. */
    JsonObject patchUnlessMissing(String path, String template, JsonObject body) {
        return call("PATCH", path, template, body, true);
    }

    /** A value as one path segment or query parameter (subject ids may hold ':' and '@'). */
    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonObject call(String method, String path, String template, JsonObject body, boolean missingIsNull) {
        HttpRequest.Builder request = VendorHttp.request(URI.create(base + path)).header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            VendorHttp.json(request, method, body);
        }
        VendorHttp.Answer answer = HTTP.send(request.build());
        if (answer.status() == 404 && missingIsNull) {
            return null;
        }
        if (!answer.ok()) {
            throw new VendorHttp.Failed(failure(method, template, answer));
        }
        return answer.body().isBlank() ? null : HTTP.object(answer, template);
    }

    private static DeliveryResult failure(String method, String template, VendorHttp.Answer answer) {
        DeliveryResult result = HTTP.failure(method, template, answer);
        if (result instanceof DeliveryResult.Retry retry && retry.after() == null && answer.status() == 429) {
            return new DeliveryResult.Retry(retry.what(), HubSpotRateLimit.wait(answer.headers()).orElse(null));
        }
        return result;
    }
}
