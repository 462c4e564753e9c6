package org.consentry.escalation.entity;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.List;
import org.consentry.redaction.entity.PiiType;

/**
 * What a message's sealed body holds: the text as shown (identifiers masked) and where each mask is,
 * with the token that holds its original.
 */
public record MessageBody(String text, List<Mask> masks) {

    /** A masked identifier: its token, its type, and its place in the text ([start, end)). */
    public record Mask(String token, PiiType type, int start, int end) {
    }

    public MessageBody {
        masks = List.copyOf(masks);
    }

    public String toJson() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        masks.forEach(m -> list.add(JSON.createObjectBuilder().add("token", m.token()).add("type", m.type().name())
                .add("start", m.start()).add("end", m.end())));
        return JSON.createObjectBuilder().add("text", text).add("masks", list).build().toString();
    }

    public static MessageBody fromJson(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject body = reader.readObject();
            List<Mask> masks = body.getJsonArray("masks").getValuesAs(JsonObject.class).stream()
                    .map(m -> new Mask(m.getString("token"), PiiType.valueOf(m.getString("type")), m.getInt("start"), m.getInt("end")))
                    .toList();
            return new MessageBody(body.getString("text"), masks);
        }
    }
}
