package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.entity.Access;
import org.consentry.crypto.entity.FieldAddress;
import org.consentry.escalation.entity.Escalation;
import org.consentry.redaction.control.Masks;
import org.consentry.redaction.entity.PiiType;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.EventStream;
import org.consentry.testing.Handoff;
import org.consentry.testing.inserver.SharedCache;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security review, issue 14, finding 10: the escalation's reason is sealed at rest like the transcript
 * (the subject's data key, identifiers masked with a token for an audited reveal), and an agent who
 * cannot open an escalation (another agent holds it) receives its events without the reason. Inside the
 * server, to read the row past JPA and open its ciphertext as a backup thief with the key would.
 */
@ExtendWith(ArquillianExtension.class)
class EscalationReasonSealedIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationWithHelpers("""
                config_ordinal=700
                consentry.retention.sweep.every=PT0S
                """);
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Inject
    FieldSealer sealer;

    @Inject
    ReasonSealingPass pass;

    @Inject
    SharedCache cache;

    @Test
    void theReasonIsSealedAtRestMaskedForItsAgentAndLeftOutOfTheEventsOfAnAgentWhoCannotOpenIt() throws Exception {
        Api api = new Api(base);
        Db db = new Db(dataSource);
        String marker = "sealed" + UUID.randomUUID().toString().replace("-", "");
        String email = "refund.reason@example.pl";
        String masked = "Zwrot na " + Masks.mask(PiiType.EMAIL, email) + " " + marker;
        Object newest = db.rows("SELECT MAX(id) AS newest FROM escalation_event").get(0).get("newest");
        String before = newest == null ? "0" : newest.toString();

        try (EventStream one = EventStream.open(api, Api.AGENT1, before);
             EventStream two = EventStream.open(api, Api.AGENT2, before)) {
            Handoff handoff = new Handoff().about("pl", "Zwrot na " + email + " " + marker).withConsent();
            String id = handoff.handOff(api);

            // at rest: no column of the row, nor any feed event, holds the reason or a piece of it
            Map<String, Object> row = db.rows("SELECT * FROM escalation WHERE id = ?", id).get(0);
            row.forEach((column, value) -> {
                String stored = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value);
                for (String clear : List.of(marker, "Zwrot", email)) {
                    assertFalse(stored.contains(clear), "escalation." + column + " holds the reason in clear: " + stored);
                }
            });
            for (Map<String, Object> event : db.rows("SELECT data FROM escalation_event WHERE escalation_id = ?", id)) {
                assertFalse(String.valueOf(event.get("data")).contains(marker), "a stored feed event holds the reason: " + event);
            }
            // sealed like a transcript line: under the subject's key, bound to row and column, identifiers masked
            byte[] sealed = (byte[]) row.get("reason_sealed");
            assertNotNull(sealed, "the reason is sealed in escalation.reason_sealed");
            JsonObject body = json(sealer.open(handoff.subjectId, new FieldAddress("escalation", "reason_sealed", id), sealed,
                    Access.of("test.at-rest", "support-handoff")));
            assertEquals(masked, body.getString("text"));
            assertEquals("EMAIL", body.getJsonArray("masks").getJsonObject(0).getString("type"));

            // waiting: every agent may claim it, so every agent sees the masked reason, in the queue as in the feed
            JsonObject listed = api.get("api/v1/escalations?status=WAITING&reason=" + marker, Api.AGENT2).structure()
                    .asJsonArray().getJsonObject(0);
            assertEquals(id, listed.getString("id"), "the filter finds the chat by a word of its sealed reason");
            assertEquals(masked, listed.getString("reason"));
            assertEquals(masked, json(one.next(id, "escalation.waiting", 15).data()).getString("reason"));
            assertEquals(masked, json(two.next(id, "escalation.waiting", 15).data()).getString("reason"));

            // claimed by agent1: from now on agent2 cannot open it, and its events say nothing of the reason
            assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());
            assertEquals(201, api.post("api/v1/escalations/" + id + "/messages", Api.BOT, "{\"text\":\"Czy ktoś tu jest?\"}").status());
            for (String name : List.of("escalation.claimed", "escalation.message")) {
                assertEquals(masked, json(one.next(id, name, 15).data()).getString("reason"), name + " for the agent who holds it");
                EventStream.Event other = two.next(id, name, 15);
                assertFalse(json(other.data()).containsKey("reason"), name + " for another agent holds the reason: " + other);
                assertFalse(other.data().contains(marker), other::toString);
            }
            try (EventStream replay = EventStream.open(api, Api.AGENT2, before)) {
                EventStream.Event waiting = replay.next(id, "escalation.waiting", 15);
                assertFalse(waiting.data().contains(marker), "a replayed event is judged by who holds the chat now: " + waiting);
            }
            assertEquals(404, api.get("api/v1/escalations/" + id, Api.AGENT2).status());

            // the agent who holds it reads the reason masked as the transcript is, and reveals the original, audited
            JsonObject detail = api.get("api/v1/escalations/" + id, Api.AGENT1).json();
            assertEquals(masked, detail.getString("reason"));
            String token = detail.getJsonArray("reasonMasks").getJsonObject(0).getString("field");
            Api.Reply revealed = api.post("api/v1/escalations/" + id + "/reveal", Api.AGENT1,
                    "{\"field\":\"" + token + "\",\"reason\":\"confirming the refund address\"}");
            assertEquals(email, revealed.json().getString("value"), revealed::toString);
        }
    }

    /** A row written before V10 (its reason in clear) is sealed by the start-up pass, and found again by the filter. */
    @Test
    void aReasonStoredInClearBeforeTheFixIsSealedByThePass() throws Exception {
        Api api = new Api(base);
        Db db = new Db(dataSource);
        String marker = "legacy" + UUID.randomUUID().toString().replace("-", "");
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        db.update("UPDATE escalation SET reason = ?, reason_sealed = NULL, reason_words = NULL WHERE id = ?",
                "Zwrot [EMAIL] " + marker, id);
        cache.evict(Escalation.class, id); // changed past JPA: the shared cache must not serve the old row
        assertEquals(0, api.get("api/v1/escalations?status=WAITING&reason=" + marker, Api.AGENT1).structure().asJsonArray().size(),
                "a clear reason is not in the blind index");

        assertTrue(pass.sealAll() >= 1);
        Map<String, Object> row = db.rows("SELECT reason, reason_sealed FROM escalation WHERE id = ?", id).get(0);
        assertNull(row.get("reason"), "the clear copy is gone");
        assertEquals("Zwrot [EMAIL] " + marker, json(sealer.open(handoff.subjectId, new FieldAddress("escalation", "reason_sealed", id),
                (byte[]) row.get("reason_sealed"), Access.of("test.at-rest", "support-handoff"))).getString("text"));
        JsonObject listed = api.get("api/v1/escalations?status=WAITING&reason=" + marker, Api.AGENT1).structure()
                .asJsonArray().getJsonObject(0);
        assertEquals(id, listed.getString("id"));
        assertEquals("Zwrot [EMAIL] " + marker, listed.getString("reason"));
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
