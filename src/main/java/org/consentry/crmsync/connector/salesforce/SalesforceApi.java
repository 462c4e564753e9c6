package org.consentry.crmsync.connector.salesforce;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.VendorHttp;

/**
 * The sObject calls of one attempt against one org (REST API vXX.X, bearer token): upsert and delete
 * by external id, and a SOQL query. A 401 (INVALID_SESSION_ID: the session timed out or was revoked)
 * drops the token, fetches a new one and repeats the call once. Salesforce's errors are a JSON array
 * of {message, errorCode, fields}: the errorCode (never the message, which may quote values) is added
 * to the reason; 403 REQUEST_LIMIT_EXCEEDED (the org's API limit, Salesforce's 429) is a retry.
 */
final class SalesforceApi {

    static final VendorHttp HTTP = new VendorHttp("salesforce");

    private final RecipientSettings recipient;
    private final AccessTokens tokens;
    private final String data;

    SalesforceApi(RecipientSettings recipient, AccessTokens tokens) {
        this.recipient = recipient;
        this.tokens = tokens;
        this.data = "/services/data/v" + recipient.property(SalesforceConnector.API_VERSION)
                .orElse(SalesforceConnector.DEFAULT_API_VERSION);
    }

    /** The org's URL (its My Domain) without a trailing slash. */
    static String base(RecipientSettings recipient) {
        return recipient.requireUrl().toString().replaceAll("/+$", "");
    }

    /** Creates or updates the {@code object} whose {@code field} is {@code value}; its Salesforce Id. */
    String upsert(String object, String field, String value, JsonObject body) {
        String template = template(object, field);
        VendorHttp.Answer answer = expect(VendorHttp.json(request(row(object, field, value)), "PATCH", body), "PATCH", template, false);
        if (answer.body().isBlank()) {
            throw new VendorHttp.Failed(new DeliveryResult.Retry("salesforce PATCH " + template + " answered "
                    + answer.status() + " without the record's id"));
        }
        if (!(HTTP.object(answer, template).get("id") instanceof JsonString id)) {
            throw new VendorHttp.Failed(new DeliveryResult.Retry("salesforce PATCH " + template + " answered without id"));
        }
        return id.getString();
    }

    /** Updates it only if it exists (updateOnly): false when there is none. */
    boolean update(String object, String field, String value, JsonObject body) {
        URI uri = URI.create(row(object, field, value) + "?updateOnly=true");
        return expect(VendorHttp.json(request(uri.toString()), "PATCH", body), "PATCH", template(object, field), true) != null;
    }

    /** The record whose {@code field} is {@code value}, with the {@code fields} asked for; empty when there is none. */
    Optional<JsonObject> find(String object, String field, String value, String fields) {
        String template = template(object, field);
        VendorHttp.Answer answer = expect(request(row(object, field, value) + "?fields=" + fields).GET(), "GET", template, true);
        return answer == null ? Optional.empty() : Optional.of(HTTP.object(answer, template));
    }

    /** Deletes it; one that is not there (404) is gone already. */
    void delete(String object, String field, String value) {
        expect(request(row(object, field, value)).DELETE(), "DELETE", template(object, field), true);
    }

    /** The records a SOQL query finds (the first batch of at most 2000). */
    List<JsonObject> query(String soql) {
        String template = data + "/query";
        VendorHttp.Answer answer = expect(request(base(recipient) + template + "?q="
                + URLEncoder.encode(soql, StandardCharsets.UTF_8)).GET(), "GET", template, false);
        if (!(HTTP.object(answer, template).get("records") instanceof JsonArray records)) {
            throw new VendorHttp.Failed(new DeliveryResult.Retry("salesforce GET " + template + " answered without records"));
        }
        return records.getValuesAs(JsonObject.class);
    }

    /** A string literal of SOQL. */
    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private String row(String object, String field, String value) {
        return base(recipient) + data + "/sobjects/" + object + "/" + field + "/"
                + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String template(String object, String field) {
        return data + "/sobjects/" + object + "/" + field + "/{value}";
    }

    private static HttpRequest.Builder request(String uri) {
        return VendorHttp.request(URI.create(uri));
    }

    /** The call with the current token, once more with a new one after a 401; null for a 404 that is allowed. */
    private VendorHttp.Answer expect(HttpRequest.Builder request, String method, String template, boolean notFoundIsNone) {
        String token = tokens.current(recipient, HTTP);
        VendorHttp.Answer answer = HTTP.send(request.copy().header("Authorization", "Bearer " + token).build());
        if (answer.status() == 401) {
            tokens.drop(recipient, token);
            answer = HTTP.send(request.copy().header("Authorization", "Bearer " + tokens.current(recipient, HTTP)).build());
        }
        if (answer.ok()) {
            return answer;
        }
        if (answer.status() == 404 && notFoundIsNone) {
            return null;
        }
        throw new VendorHttp.Failed(withCode(HTTP.failure(method, template, answer), answer));
    }

    /** The failure with the vendor's error code added; 403 REQUEST_LIMIT_EXCEEDED made a retry. */
    static DeliveryResult withCode(DeliveryResult failure, VendorHttp.Answer answer) {
        Optional<String> code = errorCode(answer.body());
        String what = failure.what() + code.map(c -> " " + c).orElse("");
        if (failure instanceof DeliveryResult.Retry retry) {
            return new DeliveryResult.Retry(what, retry.after());
        }
        if (answer.status() == 403 && code.filter("REQUEST_LIMIT_EXCEEDED"::equals).isPresent()) {
            return new DeliveryResult.Retry(what, VendorHttp.retryAfter(answer.headers()).orElse(null));
        }
        return new DeliveryResult.Rejected(what);
    }

    /** The first errorCode of an error array, or the OAuth error of the token endpoint; only code-like text. */
    static Optional<String> errorCode(String body) {
        try (var reader = JSON.createReader(new StringReader(body))) {
            JsonStructure json = reader.read();
            String code = null;
            if (json instanceof JsonArray array && !array.isEmpty() && array.get(0) instanceof JsonObject first) {
                code = first.getString("errorCode", null);
            } else if (json instanceof JsonObject object) {
                code = object.getString("error", object.getString("errorCode", null));
            }
            return Optional.ofNullable(code).filter(c -> c.matches("[A-Za-z_]{1,64}"));
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
