package org.consentry.sso.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The RP-initiated logout request (OpenID Connect RP-Initiated Logout 1.0): the provider's end_session_endpoint
 * with the session's ID token as id_token_hint, the client id, and where the browser goes afterwards (a
 * post-logout redirect URI registered at the provider).
 */
public final class EndSession {

    private EndSession() {
    }

    public static String url(String endpoint, String idToken, String clientId, String afterwards) {
        return endpoint + (endpoint.contains("?") ? "&" : "?")
                + "id_token_hint=" + encode(idToken)
                + "&client_id=" + encode(clientId)
                + "&post_logout_redirect_uri=" + encode(afterwards);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
