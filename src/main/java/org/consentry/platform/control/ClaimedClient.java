package org.consentry.platform.control;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client a bearer token claims to be for, read from its payload WITHOUT verifying it: only to count a
 * refused token against the client it names. {@code azp} (OpenID Connect's authorised party, which
 * Keycloak, Entra ID and Okta set on client-credentials tokens), else {@code client_id} (RFC 9068).
 * Whatever is not a compact JWS of bounded size with such a string claim names no client.
 */
public final class ClaimedClient {

    /** At most this much of an Authorization header is looked at. */
    static final int MAX_TOKEN = 8_192;
    /** What a client id may be to appear as a metric tag: an identifier, no '@', no spaces, at most 64 characters. */
    public static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private ClaimedClient() {
    }

    /** The claimed client of a {@code Bearer} Authorization header, if it names one (at most 256 characters). */
    public static Optional<String> of(String authorization) {
        if (!isBearer(authorization) || authorization.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        String[] parts = authorization.substring(7).strip().split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try (var reader = JSON.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
            JsonObject claims = reader.readObject();
            return claim(claims, "azp").or(() -> claim(claims, "client_id"));
        } catch (RuntimeException e) { // not base64url, not JSON, not an object: names nothing
            return Optional.empty();
        }
    }

    /** Whether the header carries a bearer token (RFC 6750: the scheme is case-insensitive). */
    public static boolean isBearer(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static Optional<String> claim(JsonObject claims, String name) {
        JsonValue value = claims.get(name);
        return value instanceof JsonString s && !s.getString().isEmpty() && s.getString().length() <= 256
                ? Optional.of(s.getString()) : Optional.empty();
    }
}
