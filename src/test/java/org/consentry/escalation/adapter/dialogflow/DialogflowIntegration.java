package org.consentry.escalation.adapter.dialogflow;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.consentry.testing.Eventually;
import org.consentry.testing.StandIn;
import org.consentry.testing.WebhookReceiver;

/**
 * The integration in front of Dialogflow CX (the chat back end that calls detectIntent) as a stand-in on
 * loopback: it receives Consentry's reply URL calls, and keeps only those signed with the reply secret.
 */
final class DialogflowIntegration {

    static final String REPLY_SECRET = "whsec_ZGlhbG9nZmxvdy1yZXBseS1zZWNyZXQtaXQtb25seQ==";
    static final String HOOK_SECRET = "dfcx-it-shared-secret-7Yq2";

    final StandIn server = new StandIn();
    private final WebhookReceiver receiver = new WebhookReceiver(REPLY_SECRET);

    DialogflowIntegration up() {
        server.up();
        return this;
    }

    String url() {
        return server.url("/consentry/replies");
    }

    /** The signed bodies of {@code type} (agent.message, handoff.status) for the session, waiting for {@code count}. */
    List<JsonObject> await(String type, String session, int count) throws Exception {
        Eventually.until(count + " " + type + " for the session", Duration.ofSeconds(30), () -> of(type, session).size() >= count);
        return of(type, session);
    }

    List<JsonObject> of(String type, String session) {
        long now = Instant.now().getEpochSecond();
        return server.received.stream().filter(r -> receiver.verifies(r, now)).map(r -> DialogflowPayloads.json(r.body()))
                .filter(b -> b.getString("type").equals(type) && b.getString("session").equals(session)).toList();
    }
}
