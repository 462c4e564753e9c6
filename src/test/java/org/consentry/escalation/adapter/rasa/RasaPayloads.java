package org.consentry.escalation.adapter.rasa;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The documented example tracker (src/test/resources/platforms/rasa), made the test's own. */
final class RasaPayloads {

    private RasaPayloads() {
    }

    static String tracker(String senderId, String subjectId) {
        return text("tracker-handoff.json").replace("SENDER_ID", senderId).replace("SUBJECT_ID", subjectId);
    }

    /** Later utterances: {@code kind} "user" or "bot". */
    static String utterance(String senderId, String kind, String text) {
        return Json.createObjectBuilder().add("sender_id", senderId).add("events", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("event", kind).add("timestamp", 1764410500.25).add("text", text)))
                .build().toString();
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static String text(String name) {
        try (InputStream in = RasaPayloads.class.getResourceAsStream("/platforms/rasa/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
