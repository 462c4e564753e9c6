package org.consentry.crmsync.connector.salesforce;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.outbox.control.VendorHttp;
import org.consentry.outbox.control.DeliveryResult;

/**
 * The access tokens of the Salesforce recipients, one per recipient, from the org's token endpoint by
 * the OAuth 2.0 client-credentials flow (client id = salesforce.client-id, client secret = the
 * recipient's secret). A client-credentials token carries no expiry (it lives as long as the org's
 * session timeout): it is kept until an API call answers 401, then dropped and fetched once more.
 * Shared by the delivery threads: two threads that find no token may both fetch one, the later wins.
 */
final class AccessTokens {

    static final String PATH = "/services/oauth2/token";

    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    /** The recipient's cached token, fetched when there is none. */
    String current(RecipientSettings recipient, VendorHttp http) {
        String token = tokens.get(recipient.id());
        if (token == null) {
            token = fetch(recipient, http);
            tokens.put(recipient.id(), token);
        }
        return token;
    }

    /** Forgets {@code stale} (an API call refused it); a token another thread already renewed stays. */
    void drop(RecipientSettings recipient, String stale) {
        tokens.remove(recipient.id(), stale);
    }

    private static String fetch(RecipientSettings recipient, VendorHttp http) {
        String form = "grant_type=client_credentials"
                + "&client_id=" + form(recipient.property(SalesforceConnector.CLIENT_ID).orElseThrow())
                + "&client_secret=" + form(recipient.secret().orElseThrow());
        HttpRequest request = VendorHttp.request(URI.create(SalesforceApi.base(recipient) + PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        VendorHttp.Answer answer = http.send(request);
        if (!answer.ok()) {
            throw new VendorHttp.Failed(SalesforceApi.withCode(http.failure("POST", PATH, answer), answer));
        }
        JsonObject token = http.object(answer, PATH);
        if (!(token.get("access_token") instanceof jakarta.json.JsonString value) || value.getString().isBlank()) {
            throw new VendorHttp.Failed(new DeliveryResult.Retry("salesforce POST " + PATH + " answered without access_token"));
        }
        return value.getString();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
