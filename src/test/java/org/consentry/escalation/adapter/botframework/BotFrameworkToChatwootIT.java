package org.consentry.escalation.adapter.botframework;

import static org.consentry.escalation.adapter.botframework.BotFrameworkChannel.Up;
import static org.consentry.escalation.adapter.botframework.BotFrameworkChannel.serviceUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.consentry.crmsync.connector.chatwoot.FakeChatwoot;
import org.consentry.escalation.adapter.botframework.BotFrameworkFixtures.Conversation;
import org.consentry.escalation.desk.chatwoot.ChatwootWebhooks;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.consentry.testing.StandIn;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bot platform in, the helpdesk out (issue 16): a Bot Framework channel's handoff.initiate becomes
 * a Chatwoot conversation holding only the masked transcript and the link back to Consentry; the
 * agent's public reply in Chatwoot comes back through Consentry's webhook and reaches the Bot
 * Connector as a message activity for the conversation, after a handoff.status accepted; no request
 * body sent to Chatwoot carries an identifier in clear.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BotFrameworkToChatwootIT {

    static final StandIn CHATWOOT = new StandIn();
    static final FakeChatwoot FAKE = new FakeChatwoot();
    static final String TOKEN = "cw-desk-e2e-0123456789abcdefghijklmnopqrstuv";
    static final long RUN = java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 1_000_000) * 1_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(BotFrameworkChannel.serverConfig() + """
                consentry.desk=chatwoot
                consentry.desk.chatwoot.url=%s
                consentry.desk.chatwoot.secret=%s
                consentry.desk.chatwoot.account-id=%d
                consentry.desk.chatwoot.inbox-id=%d
                consentry.desk.chatwoot.webhook-token=%s
                consentry.desk.chatwoot.reveal-base-url=https://consentry.example.com
                """.formatted(CHATWOOT.url(""), FakeChatwoot.TOKEN, FakeChatwoot.ACCOUNT, FakeChatwoot.INBOX, TOKEN));
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void up() {
        FAKE.account.startIdsAt(RUN + 500);
        CHATWOOT.answering(FAKE).up();
    }

    @AfterAll
    static void down() {
        CHATWOOT.down();
    }

    @Test
    void aBotFrameworkHandoffIsWorkedInChatwootAndTheReplyReachesTheChannel() throws Exception {
        Api api = new Api(base);
        Conversation conversation = Conversation.fresh(serviceUrl());
        String id = BotFrameworkChannel.handOff(api, conversation);

        long chatwootConversation = conversationOf(id);
        String note = transcriptNote(chatwootConversation, id);
        assertTrue(note.contains("https://consentry.example.com/console/?escalation=" + id + "#desk"), note);
        assertTrue(note.contains("[PESEL]") || note.contains("***"), "the transcript is masked: " + note);

        String reply = ChatwootWebhooks.agentReply(RUN + 1, chatwootConversation, 5, "Zwrot zlecony, dziękuję.").build().toString();
        Api.Reply applied = api.send(ChatwootWebhooks.post(api, TOKEN, reply, "no-signing-secret-configured", Instant.now().getEpochSecond()));
        assertEquals("applied", applied.json().getString("outcome"), applied::toString);

        JsonObject accepted = Up.CONNECTOR.await(conversation.conversationId(), "event", 1).get(0).activity();
        assertEquals("handoff.status", accepted.getString("name"));
        assertEquals("accepted", accepted.getJsonObject("value").getString("state"), "the bot is told a human joined");
        JsonObject message = Up.CONNECTOR.await(conversation.conversationId(), "message", 1).get(0).activity();
        assertEquals("Zwrot zlecony, dziękuję.", message.getString("text"));
        assertEquals(conversation.userId(), message.getJsonObject("recipient").getString("id"));
        assertEquals("chatwoot:5", api.get("api/v1/escalations/" + id, Api.ADMIN).json().getString("agent"));

        assertEquals(List.of(), FAKE.contract.violations(), "every call to Chatwoot as its contract says");
        for (StandIn.Request request : CHATWOOT.received) {
            for (String secret : Handoff.secrets()) {
                assertFalse(request.body().contains(secret), request.method() + " " + request.path() + " carries personal data");
            }
        }
    }

    private static long conversationOf(String id) throws Exception {
        long[] found = new long[1];
        Eventually.until("the escalation's Chatwoot conversation is open", Duration.ofSeconds(30), () -> {
            synchronized (FAKE) {
                FAKE.account.conversations.values().stream().filter(c -> c.getJsonObject("custom_attributes").toString()
                        .contains(id)).findFirst().ifPresent(c -> found[0] = c.getJsonNumber("id").longValue());
            }
            return found[0] != 0;
        });
        return found[0];
    }

    private static String transcriptNote(long conversation, String id) throws Exception {
        String[] note = new String[1];
        Eventually.until("the masked transcript as a private note", Duration.ofSeconds(30), () -> {
            synchronized (FAKE) {
                FAKE.account.messages.getOrDefault(conversation, List.of()).stream()
                        .filter(m -> m.getJsonObject("content_attributes").toString().contains("\"transcript:" + id + "\"")
                                && m.getBoolean("private"))
                        .findFirst().ifPresent(m -> note[0] = m.getString("content"));
            }
            return note[0] != null;
        });
        return note[0];
    }
}
