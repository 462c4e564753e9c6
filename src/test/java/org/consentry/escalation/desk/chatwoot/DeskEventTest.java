package org.consentry.escalation.desk.chatwoot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import org.consentry.platform.control.ProblemException;
import org.junit.jupiter.api.Test;

/** Chatwoot's documented webhook samples as the desk reads them, and Chatwoot's signature. */
class DeskEventTest {

    private static DeskEvent parse(String json) {
        return DeskEvent.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDocumentedSampleIsACustomersMessageAndNoReply() {
        DeskEvent event = parse(ChatwootWebhooks.sample("message_created").toString());
        assertEquals(118, event.messageId());
        assertEquals(10, event.conversationId());
        assertEquals("contact", event.senderType());
        assertFalse(event.agentReply(), "incoming, from a contact");
    }

    @Test
    void anAgentsPublicReplyIsOneButNotANoteNorConsentrysOwnMessage() {
        assertTrue(parse(ChatwootWebhooks.agentReply(1, 10, 5, "Hej").build().toString()).agentReply());
        assertFalse(parse(ChatwootWebhooks.agentReply(1, 10, 5, "Hej").add("private", true).build().toString()).agentReply());
        assertFalse(parse(ChatwootWebhooks.agentReply(1, 10, 5, "Hej").add("content_attributes",
                Json.createObjectBuilder().add("consentry", "transcript:x")).build().toString()).agentReply());
    }

    @Test
    void theDocumentedStatusChangeResolvesOnlyWhenResolved() {
        assertFalse(parse(ChatwootWebhooks.sample("conversation_status_changed").toString()).resolved());
        DeskEvent resolved = parse(ChatwootWebhooks.statusChanged(42, "resolved"));
        assertTrue(resolved.resolved());
        assertEquals(42, resolved.conversationId());
    }

    @Test
    void aMissingOrWrongMemberIsNamedNeverQuoted() {
        String noPrivate = ChatwootWebhooks.agentReply(1, 10, 5, "Hej").remove("private").build().toString();
        ProblemException missing = assertThrows(ProblemException.class, () -> parse(noPrivate));
        assertEquals("private", missing.members().get("field"));
        String badConversation = ChatwootWebhooks.agentReply(1, 10, 5, "Hej").add("conversation", "10").build().toString();
        assertEquals("conversation", assertThrows(ProblemException.class, () -> parse(badConversation)).members().get("field"));
        String tooLong = ChatwootWebhooks.agentReply(1, 10, 5, "x".repeat(DeskEvent.MAX_CONTENT + 1)).build().toString();
        ProblemException long_ = assertThrows(ProblemException.class, () -> parse(tooLong));
        assertEquals("content", long_.members().get("field"));
        assertFalse(long_.detail().contains("xxx"));
        assertThrows(ProblemException.class, () -> parse("[1]"));
    }

    @Test
    void chatwootsSignatureOverTimestampAndBodyIsChecked() {
        byte[] body = "{\"event\":\"message_created\"}".getBytes(StandardCharsets.UTF_8);
        String signature = "sha256=" + ChatwootWebhooks.hmac("s3cret", "1700000000." + new String(body, StandardCharsets.UTF_8));
        WebhookAuthentication.verifySignature("s3cret", "1700000000", signature, body, 1_700_000_100);
        assertThrows(ProblemException.class, () -> WebhookAuthentication.verifySignature("other", "1700000000", signature, body,
                1_700_000_100));
        assertThrows(ProblemException.class, () -> WebhookAuthentication.verifySignature("s3cret", "1700000000", signature, body,
                1_700_000_301), "older than five minutes");
        assertThrows(ProblemException.class, () -> WebhookAuthentication.verifySignature("s3cret", null, signature, body, 1));
        assertTrue(WebhookAuthentication.same("a-token", "a-token"));
        assertFalse(WebhookAuthentication.same("a-token", "a-tokem"));
    }
}
