package org.consentry.escalation.adapter.botframework;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;

/**
 * Where a conversation's replies go, kept with its escalation: the service URL, the channel, the
 * native conversation id, the bot's and the user's channel account ids, and the locale. Ids and a URL
 * only; no name, no text.
 */
public record Route(String serviceUrl, String channelId, String conversationId, String botId, String userId, String locale) {

    public static final int MAX_CHARS = 2048;

    public String json() {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("serviceUrl", serviceUrl).add("conversationId", conversationId)
                .add("userId", userId);
        if (channelId != null) {
            json.add("channelId", channelId);
        }
        if (botId != null) {
            json.add("botId", botId);
        }
        if (locale != null) {
            json.add("locale", locale);
        }
        return json.build().toString();
    }

    /** The route stored with an escalation; an unreadable one is an IllegalArgumentException. */
    public static Route parse(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonObject route = reader.readObject();
            return new Route(route.getString("serviceUrl"), route.getString("channelId", null), route.getString("conversationId"),
                    route.getString("botId", null), route.getString("userId"), route.getString("locale", null));
        } catch (JsonException | NullPointerException | ClassCastException | IllegalStateException e) {
            throw new IllegalArgumentException("not a Bot Framework route", e);
        }
    }
}
