package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.consentry.testing.WebhookReceiver;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An agent's reply reaches the bot's callback even though the bot is down when it is written: a real
 * HTTP receiver on loopback comes up a while later and gets it once, signed over its webhook-id.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CallbackDeliveryIT {

    static final String SECRET = "whsec_Y29uc2VudHJ5LXRlc3Qtc2VjcmV0LW5vdC1yZWFsLTE=";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.callback.secret=%s
                consentry.callback.allow-http=true
                consentry.outbox.poll-interval=PT0.2S
                consentry.outbox.retry-base=PT0.2S
                consentry.outbox.retry-cap=PT1S
                """.formatted(SECRET));
    }

    @ArquillianResource
    URL base;

    record Received(String body, String webhookId, String timestamp, String signature) {
    }

    @Test
    void aReplyWrittenWhileTheBotIsDownArrivesOnceWhenItIsBack() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Api api = new Api(base);
        Handoff handoff = new Handoff().withConsent().callback("http://localhost:" + port + "/bot/hook");
        String id = handoff.handOff(api);
        api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
        var reply = api.post("api/v1/escalations/" + id + "/messages", Api.AGENT1, "{\"text\":\"Zwrot zlecony, dziękuję.\"}");
        assertEquals("callback", reply.json().getString("delivery"));
        String messageId = reply.json().getString("id");

        Thread.sleep(2500); // the bot is down: several attempts fail meanwhile

        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer bot = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        bot.createContext("/bot/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        bot.start();
        try {
            for (int i = 0; i < 100 && received.isEmpty(); i++) {
                Thread.sleep(100);
            }
            Thread.sleep(2000); // would a second delivery come?
        } finally {
            bot.stop(0);
        }

        assertEquals(1, received.size(), "delivered once: " + received);
        Received delivery = received.get(0);
        long now = Instant.now().getEpochSecond();
        assertTrue(new WebhookReceiver(SECRET).verifies(delivery.webhookId(), delivery.timestamp(), delivery.signature(),
                delivery.body(), now), "signed with the secret: " + delivery);
        assertTrue(!new WebhookReceiver("whsec_" + "C".repeat(43) + "=").verifies(delivery.webhookId(), delivery.timestamp(),
                delivery.signature(), delivery.body(), now));
        JsonObject body = Json.createReader(new StringReader(delivery.body())).readObject();
        assertEquals("agent.message", body.getString("type"));
        assertEquals(id, body.getString("escalationId"));
        assertEquals(handoff.conversationId, body.getString("conversationId"));
        assertEquals(messageId, body.getString("messageId"));
        assertEquals("Zwrot zlecony, dziękuję.", body.getString("text"));
        assertEquals("agent1", body.getString("agent"));
        assertTrue(delivery.webhookId().matches("[0-9a-f-]{36}"), delivery.webhookId());

        var audit = api.get("api/v1/audit?subjectId=" + handoff.subjectId + "&limit=100", Api.ADMIN).text();
        assertTrue(audit.contains("outbox.delivery") && audit.contains("DELIVERED after"), audit);
    }
}
