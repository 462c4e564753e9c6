package org.consentry.escalation.adapter.botframework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.VendorHttp;

/**
 * Consentry's own token for the Bot Connector: OAuth 2.0 client credentials at the token URL (client id
 * = the app id, secret = the app password, scope https://api.botframework.com/.default), kept until a
 * minute before it expires and shared by every reply; {@link #renew} drops it when the connector
 * refused it (401), so that the next call fetches a new one.
 */
@ApplicationScoped
public class ConnectorTokens {

    static final String VENDOR = "botframework";
    private static final Duration MARGIN = Duration.ofSeconds(60);

    @Inject
    BotFrameworkSettings settings;

    private final VendorHttp http = new VendorHttp(VENDOR);
    private Token cached;

    private record Token(String value, Instant expires) {
    }

    /** A valid access token; a failure ends the attempt ({@link VendorHttp.Failed}). */
    public synchronized String token() {
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.value();
        }
        String appId = settings.appId().orElseThrow(() -> notConfigured("app-id"));
        String password = settings.appPassword().orElseThrow(() -> notConfigured("app-password"));
        String form = "grant_type=client_credentials&client_id=" + encode(appId) + "&client_secret=" + encode(password)
                + "&scope=" + encode(settings.scope());
        HttpRequest request = VendorHttp.request(settings.tokenUrl())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        JsonObject answer = http.object(http.expectOk(request, "/oauth2/v2.0/token"), "/oauth2/v2.0/token");
        if (!(answer.get("access_token") instanceof JsonString token) || token.getString().isBlank()) {
            throw new VendorHttp.Failed(new DeliveryResult.Retry(VENDOR + " token answer without access_token"));
        }
        long seconds = answer.get("expires_in") instanceof JsonNumber n ? n.longValue()
                : answer.get("expires_in") instanceof JsonString s && s.getString().matches("\\d{1,9}") ? Long.parseLong(s.getString()) : 0;
        cached = new Token(token.getString(), Instant.now().plusSeconds(seconds).minus(MARGIN));
        return cached.value();
    }

    /** The connector refused {@code used}: forget it (unless another call renewed it already). */
    public synchronized void renew(String used) {
        if (cached != null && cached.value().equals(used)) {
            cached = null;
        }
    }

    private static VendorHttp.Failed notConfigured(String key) {
        return new VendorHttp.Failed(new DeliveryResult.Rejected(VENDOR + ": " + BotFrameworkSettings.PREFIX + key + " is not set"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
