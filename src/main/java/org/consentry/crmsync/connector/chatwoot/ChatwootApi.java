package org.consentry.crmsync.connector.chatwoot;

import static org.consentry.platform.control.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.SignedPost;
import org.consentry.outbox.control.TransportFailure;

/**
 * Chatwoot's application API (api/v1/accounts/{account}/...) with its access token header; a call
 * that does not succeed ends the attempt with the result its status deserves.
 */
final class ChatwootApi {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private final String base;
    private final String token;
    final int inbox;

    ChatwootApi(String url, String accountId, int inbox, String token) {
        this.inbox = inbox;
        this.base = url.replaceAll("/+$", "") + "/api/v1/accounts/" + accountId;
        this.token = token;
    }

    /** The answer of a call, or null for 404. */
    JsonStructure get(String path) {
        return call("GET", path, null, true);
    }

    JsonStructure post(String path, JsonObject body) {
        return call("POST", path, body, false);
    }

    JsonStructure put(String path, JsonObject body) {
        return call("PUT", path, body, false);
    }

    /** 404 counts as done: what is to be deleted is not there. */
    void delete(String path) {
        call("DELETE", path, null, true);
    }

    /** POST that may answer 422 when what it creates exists already (a repeated attempt): that is fine. */
    void postAllowingExisting(String path, JsonObject body) {
        call("POST422", path, body, false);
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private JsonStructure call(String method, String path, JsonObject body, boolean notFoundIsEmpty) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("api_access_token", token).header("Accept", "application/json");
        String verb = method.equals("POST422") ? "POST" : method;
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(verb, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(verb, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure(new DeliveryResult.Retry("chatwoot: no answer: " + TransportFailure.describe(e)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(new DeliveryResult.Retry("interrupted"));
        }
        int status = response.statusCode();
        if (status == 404 && notFoundIsEmpty || status == 422 && method.equals("POST422")) {
            return null;
        }
        if (status < 200 || status >= 300) {
            DeliveryResult result = SignedPost.classify(status);
            throw new Failure(result instanceof DeliveryResult.Retry
                    ? new DeliveryResult.Retry("chatwoot " + verb + " " + status)
                    : new DeliveryResult.Rejected("chatwoot " + verb + " " + template(path) + " answered " + status));
        }
        String text = response.body();
        if (text == null || text.isBlank()) {
            return null;
        }
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.read();
        }
    }

    /** The path without ids or query (ids are the CRM's, queries may hold a subject id). */
    private static String template(String path) {
        return path.replaceAll("\\?.*", "").replaceAll("/\\d+", "/{id}");
    }

    /** An attempt ends early with this result. */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient DeliveryResult result;

        Failure(DeliveryResult result) {
            super(result.what(), null, false, false);
            this.result = result;
        }
    }
}
