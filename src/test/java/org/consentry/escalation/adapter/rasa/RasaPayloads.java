package org.consentry.escalation.adapter.rasa;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.consentry.escalation.adapter.PlatformFixtures;

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
        return PlatformFixtures.json(text);
    }

    static String text(String name) {
        return PlatformFixtures.text("rasa/" + name);
    }
}
