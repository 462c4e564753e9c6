package org.consentry.auditstream.control;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import org.consentry.audit.control.Checkpoint;

/**
 * The JSON-lines form of the stream (JSON-P, the platform's own JSON library): one object per line, no
 * line break inside (JSON-P escapes control characters in strings), members in a fixed order, absent
 * values as null. {@code type} is {@code event} or {@code checkpoint}.
 */
public final class JsonLines {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of()); // one provider lookup

    private JsonLines() {
    }

    public static String of(StreamEntry entry) {
        return entry.isCheckpoint() ? of(entry.checkpoint()) : of(entry.event());
    }

    static String of(ShippedEvent e) {
        JsonObjectBuilder line = JSON.createObjectBuilder().add("type", "event").add("seq", e.seq()).add("id", e.id())
                .add("occurredAt", e.occurredAt().toString());
        text(line, "actor", e.actor());
        text(line, "role", e.role());
        text(line, "action", e.action());
        text(line, "purpose", e.purpose());
        text(line, "subjectRef", e.subjectRef());
        text(line, "field", e.field());
        text(line, "outcome", e.outcome());
        text(line, "detail", e.detail());
        return line.add("keyVersion", e.keyVersion()).add("hash", e.hash()).build().toString();
    }

    static String of(Checkpoint c) {
        return JSON.createObjectBuilder().add("type", "checkpoint").add("format", c.format()).add("seq", c.seq())
                .add("keyVersion", c.keyVersion()).add("headHash", c.headHash()).add("at", c.at())
                .add("signingKeyVersion", c.signingKeyVersion()).add("signature", c.signature()).build().toString();
    }

    private static void text(JsonObjectBuilder line, String name, String value) {
        if (value == null) {
            line.addNull(name);
        } else {
            line.add(name, value);
        }
    }
}
