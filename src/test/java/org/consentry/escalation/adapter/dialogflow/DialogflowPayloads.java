package org.consentry.escalation.adapter.dialogflow;

import jakarta.json.JsonObject;
import org.consentry.escalation.adapter.PlatformFixtures;

/** The documented example calls (src/test/resources/platforms/dialogflow-cx), made the test's own. */
final class DialogflowPayloads {

    static final String AGENT = "projects/consentry-demo/locations/europe-west3/agents/4f1c7b2e-8a3d-4e5f-9b6a-1c2d3e4f5a6b";

    private DialogflowPayloads() {
    }

    /** {@code name} (e.g. "webhook-request-handoff.json") for the session {@code sessionId} and subject. */
    static String call(String name, String sessionId, String subjectId) {
        return text(name).replace("SESSION_ID", sessionId).replace("SUBJECT_ID", subjectId);
    }

    static JsonObject json(String text) {
        return PlatformFixtures.json(text);
    }

    static String text(String name) {
        return PlatformFixtures.text("dialogflow-cx/" + name);
    }
}
