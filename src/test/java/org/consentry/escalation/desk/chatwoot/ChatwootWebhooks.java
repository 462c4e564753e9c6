package org.consentry.escalation.desk.chatwoot;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.consentry.testing.Api;

/**
 * Chatwoot's webhooks as the tests send them: Chatwoot's documented samples
 * (src/test/resources/platforms/chatwoot, see SOURCE.md) with the ids of a Consentry conversation, signed
 * the way Chatwoot signs ("sha256=" + hex HMAC-SHA256 of "&lt;timestamp&gt;.&lt;body&gt;"), written here from
 * the pull request's description, independent of the code under test.
 */
public final class ChatwootWebhooks {

    private ChatwootWebhooks() {
    }

    public static JsonObject sample(String name) {
        try (InputStream in = ChatwootWebhooks.class.getResourceAsStream("/platforms/chatwoot/" + name + ".json");
             var reader = Json.createReader(in)) {
            return reader.readObject();
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documented message_created, as an agent's public reply in {@code conversation}. */
    public static JsonObjectBuilder agentReply(long messageId, long conversation, long agent, String text) {
        JsonObject sample = sample("message_created");
        return Json.createObjectBuilder(sample).add("id", messageId).add("content", text).add("message_type", "outgoing")
                .add("private", false)
                .add("sender", Json.createObjectBuilder().add("id", agent).add("name", "Anna").add("email", "anna@acme.example")
                        .add("type", "user"))
                .add("conversation", Json.createObjectBuilder(sample.getJsonObject("conversation")).add("id", conversation));
    }

    /** The documented conversation_status_changed, for {@code conversation} now {@code status}. */
    public static String statusChanged(long conversation, String status) {
        return Json.createObjectBuilder(sample("conversation_status_changed")).add("id", conversation).add("status", status)
                .build().toString();
    }

    public static HttpRequest.Builder post(Api api, String token, String body, String secret, long timestamp) {
        String ts = Long.toString(timestamp);
        return api.request("api/v1/platforms/chatwoot/webhook/" + token, null).header("Content-Type", "application/json")
                .header("X-Chatwoot-Timestamp", ts).header("X-Chatwoot-Signature", "sha256=" + hmac(secret, ts + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    static String hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
