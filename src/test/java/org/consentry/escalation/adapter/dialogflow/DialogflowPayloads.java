package org.consentry.escalation.adapter.dialogflow;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static String text(String name) {
        try (InputStream in = DialogflowPayloads.class.getResourceAsStream("/platforms/dialogflow-cx/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
