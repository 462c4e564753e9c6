package org.consentry.escalation.adapter.rasa;

import static org.consentry.platform.entity.JsonProviders.JSON;

import java.io.StringReader;
import org.consentry.escalation.adapter.SharedSecrets;

/**
 * A Rasa conversation (its sender_id) as Consentry names it: {@code rasa:<sender_id>} when the id fits
 * Consentry's pattern, else {@code rasa:h:} and the base64url SHA-256 of it. The sender id itself is kept
 * in the route: the callback's recipient_id and the tracker's conversation id.
 */
record SenderRoute(String senderId) {

    static final String PREFIX = "rasa:";
    static final int MAX_SENDER = 512;

    String conversationId() {
        return fits(senderId) ? PREFIX + senderId : PREFIX + "h:" + SharedSecrets.hash(senderId);
    }

    /** The subject when the tracker names none: the same rule on the sender id. */
    String subjectId() {
        return conversationId();
    }

    static boolean fits(String id) {
        return id.length() <= 128 - PREFIX.length() && id.matches("[A-Za-z0-9._:@-]+");
    }

    String toJson() {
        return JSON.createObjectBuilder().add("senderId", senderId).build().toString();
    }

    static SenderRoute fromJson(String route) {
        try (var reader = JSON.createReader(new StringReader(route))) {
            return new SenderRoute(reader.readObject().getString("senderId"));
        }
    }
}
