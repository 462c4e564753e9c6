package org.consentry.auditstream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.consentry.audit.control.Checkpoint;
import org.junit.jupiter.api.Test;

/** The two wire forms of the audit stream: the JSON line's shape, RFC 5424's escaping and RFC 5425's framing. */
class StreamFormatsTest {

    static final ShippedEvent EVENT = new ShippedEvent(42, 1007, Instant.parse("2026-12-07T20:00:00.120Z"), "agent1", "agent",
            "escalation.reveal", "support-handoff", "s_abc", "email", "ALLOWED", "escalation 7; reason: a \"quoted\" ] \\ end\nnext",
            2, "a".repeat(64));
    static final Checkpoint CHECKPOINT = new Checkpoint(Checkpoint.FORMAT, 42, 2, "a".repeat(64), "2026-12-07T20:00:01.500Z", 3,
            "b".repeat(64));

    @Test
    void anEventLineIsOneJsonObjectWithTheViewsMembersInAFixedOrder() {
        String line = JsonLines.of(StreamEntry.of(EVENT));
        assertFalse(line.contains("\n"), "one line: a line break inside a value is escaped");
        JsonObject json = Json.createReader(new StringReader(line)).readObject();
        assertEquals(List.of("type", "seq", "id", "occurredAt", "actor", "role", "action", "purpose", "subjectRef", "field",
                "outcome", "detail", "keyVersion", "hash"), List.copyOf(json.keySet()));
        assertEquals("event", json.getString("type"));
        assertEquals(42, json.getJsonNumber("seq").longValue());
        assertEquals("2026-12-07T20:00:00.120Z", json.getString("occurredAt"));
        assertEquals(EVENT.detail(), json.getString("detail"));
    }

    @Test
    void anAbsentMemberIsNullNotMissing() {
        ShippedEvent bare = new ShippedEvent(1, 1, EVENT.occurredAt(), "system:sweep", "system", "retention.sweep", null, null, null,
                "DONE", null, 1, "c".repeat(64));
        JsonObject json = Json.createReader(new StringReader(JsonLines.of(StreamEntry.of(bare)))).readObject();
        assertEquals(JsonValue.NULL, json.get("subjectRef"));
        assertEquals(JsonValue.NULL, json.get("detail"));
    }

    @Test
    void aCheckpointLineCarriesEverySignedMember() {
        JsonObject json = Json.createReader(new StringReader(JsonLines.of(StreamEntry.of(CHECKPOINT)))).readObject();
        assertEquals(List.of("type", "format", "seq", "keyVersion", "headHash", "at", "signingKeyVersion", "signature"),
                List.copyOf(json.keySet()));
        assertEquals("checkpoint", json.getString("type"));
        assertEquals(Checkpoint.FORMAT, json.getString("format"));
    }

    @Test
    void sdParamValuesEscapeQuoteBackslashAndClosingBracketOnly() {
        assertEquals("a \\\"q\\\" \\] \\\\ [ = ok", Rfc5424.escape("a \"q\" ] \\ [ = ok"));
        assertEquals("zażółć", Rfc5424.escape("zażółć"));
    }

    @Test
    void anEventMessageHasTheRfc5424HeaderStructuredDataAndABomBeforeTheJson() {
        String message = new String(new Rfc5424("host.example", 1234, 32473).message(StreamEntry.of(EVENT)), StandardCharsets.UTF_8);
        assertTrue(message.startsWith("<110>1 2026-12-07T20:00:00.120Z host.example consentry 1234 audit-event [audit@32473 seq=\"42\" id=\"1007\" "),
                message);
        assertTrue(message.contains(" detail=\"escalation 7; reason: a \\\"quoted\\\" \\] \\\\ end\nnext\""), message);
        int bom = message.indexOf("] \uFEFF{");
        assertTrue(bom > 0, "the MSG is the JSON line after a BOM");
        assertEquals(JsonLines.of(StreamEntry.of(EVENT)), message.substring(bom + 3));
    }

    @Test
    void aCheckpointIsANoticeWithItsOwnMsgId() {
        String message = new String(new Rfc5424("h", 1, 32473).message(StreamEntry.of(CHECKPOINT)), StandardCharsets.UTF_8);
        assertTrue(message.startsWith("<109>1 2026-12-07T20:00:01.500Z h consentry 1 checkpoint [audit@32473 format=\""), message);
    }

    @Test
    void headerFieldsArePrintableAsciiAndBounded() {
        assertEquals("my_host", Rfc5424.headerField("my host", 255));
        assertEquals("-", Rfc5424.headerField("", 255));
        assertEquals(255, Rfc5424.headerField("h".repeat(300), 255).length());
    }

    @Test
    void octetCountingPrefixesTheLengthInBytesNotCharacters() {
        byte[] message = "<110>1 żółw".getBytes(StandardCharsets.UTF_8);
        byte[] framed = Rfc5424.frame(message);
        assertEquals(message.length + " <110>1 żółw", new String(framed, StandardCharsets.UTF_8));
        assertEquals(14, message.length);
    }
}
