package org.consentry.escalation.adapter.dialogflow;

import static org.consentry.platform.entity.JsonProviders.JSON;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.consentry.escalation.adapter.SharedSecrets;

/**
 * A Dialogflow CX session as Consentry names it. The session's full resource name
 * ({@code projects/P/locations/L/agents/A[/environments/E]/sessions/S}) is the native id: a session id alone
 * is only unique within its agent. It has slashes, so the conversation id is {@code dfcx:h:} and the
 * base64url SHA-256 of the name; the name itself is kept in the route, for the replies.
 */
record SessionRoute(String session) {

    static final String PREFIX = "dfcx:";
    static final Pattern NAME = Pattern.compile(
            "projects/[^/]{1,100}/locations/[^/]{1,100}/agents/([^/]{1,100})(/environments/[^/]{1,100})?/sessions/[^/]{1,200}");

    static boolean valid(String session) {
        return session != null && NAME.matcher(session).matches();
    }

    String conversationId() {
        return PREFIX + "h:" + SharedSecrets.hash(session);
    }

    /** The agent's id: the platform client a call acts as. */
    String agent() {
        Matcher m = NAME.matcher(session);
        return m.matches() ? m.group(1) : "unknown";
    }

    String toJson() {
        return JSON.createObjectBuilder().add("session", session).build().toString();
    }

    static SessionRoute fromJson(String route) {
        try (var reader = JSON.createReader(new StringReader(route))) {
            return new SessionRoute(reader.readObject().getString("session"));
        }
    }
}
