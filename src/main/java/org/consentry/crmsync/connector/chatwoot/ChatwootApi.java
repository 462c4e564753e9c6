package org.consentry.crmsync.connector.chatwoot;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.outbox.control.VendorHttp;
import org.consentry.outbox.control.DeliveryResult;

/**
 * Chatwoot's application API (api/v1/accounts/{account}/...) for one attempt, with the recipient's
 * access token in the api_access_token header, through the connectors' one HTTP path (VendorHttp).
 * Every method names the path template it calls: an answer that ends the attempt says that template,
 * never an id, a query or a body. Immutable: one per attempt, nothing shared but the HTTP client.
 */
final class ChatwootApi {

    static final String VENDOR = "chatwoot";
    private static final VendorHttp HTTP = new VendorHttp(VENDOR);

    private final String base;
    private final String token;
    final long inbox;

    ChatwootApi(RecipientSettings recipient) {
        this.base = recipient.requireUrl().toString().replaceAll("/+$", "") + "/api/v1/accounts/"
                + recipient.property(ChatwootConnector.ACCOUNT).orElseThrow();
        this.inbox = Long.parseLong(recipient.property(ChatwootConnector.INBOX).orElseThrow());
        this.token = recipient.secret().orElseThrow();
    }

    /** The object at {@code path}, or empty when Chatwoot answers 404. */
    Optional<JsonObject> get(String path, String template) {
        VendorHttp.Answer answer = HTTP.send(request(path).GET().build());
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(HTTP.object(ok("GET", template, answer), template));
    }

    /** POST expecting a 2xx with a JSON object. */
    JsonObject post(String path, String template, JsonObject body) {
        return HTTP.object(ok("POST", template, send("POST", path, body)), template);
    }

    /** A POST or PUT whose answer the caller looks at (a 422 may be a repeated attempt or a taken value). */
    VendorHttp.Answer send(String method, String path, JsonObject body) {
        return HTTP.send(VendorHttp.json(request(path), method, body).build());
    }

    /** DELETE; the caller reads the answer (404: gone already, 422: the contact is online). */
    VendorHttp.Answer delete(String path) {
        return HTTP.send(request(path).DELETE().build());
    }

    /** The answer if it is a 2xx; else the attempt ends with what its status deserves. */
    VendorHttp.Answer ok(String method, String template, VendorHttp.Answer answer) {
        if (!answer.ok()) {
            throw new VendorHttp.Failed(HTTP.failure(method, template, answer));
        }
        return answer;
    }

    /** The answer if it is a 2xx or a 422 (Chatwoot refused a value: the caller decides); else the attempt ends. */
    VendorHttp.Answer ok422(String method, String template, VendorHttp.Answer answer) {
        return answer.status() == 422 ? answer : ok(method, template, answer);
    }

    /** What a non-2xx answer means for the attempt, with a note (never personal data) added. */
    DeliveryResult failure(String method, String template, VendorHttp.Answer answer, String note) {
        DeliveryResult result = HTTP.failure(method, template, answer);
        String what = result.what() + " (" + note + ")";
        return result instanceof DeliveryResult.Retry retry ? new DeliveryResult.Retry(what, retry.after())
                : new DeliveryResult.Rejected(what);
    }

    JsonObject object(VendorHttp.Answer answer, String template) {
        return HTTP.object(answer, template);
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return VendorHttp.request(URI.create(base + path)).header("api_access_token", token);
    }
}
