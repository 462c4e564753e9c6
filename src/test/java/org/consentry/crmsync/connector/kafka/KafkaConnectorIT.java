package org.consentry.crmsync.connector.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.testing.Api;
import org.consentry.testing.CrmRecipient;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.consentry.testing.OutboxView;
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
 * The Kafka connector against a real broker (KRaft, one node on loopback, started once for this class):
 * Consentry driven through its public API, the topic read with a real consumer, every event checked
 * against the published event schema (contracts/kafka). Consent granted and withdrawn, a lead, a
 * resolved case and an erasure each arrive as one event keyed by the subject's pseudonymous reference,
 * minimised as the recipient's policy says; with the broker killed and started again half-way nothing
 * is lost, and a deduplicating consumer applies each delivery once.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class KafkaConnectorIT {

    static final String TOPIC = "consentry.crm-events";
    static final KafkaBroker BROKER = new KafkaBroker();
    static final OutboxView OUTBOX = new OutboxView();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("config_ordinal=700\n" + new CrmRecipient("bus", "kafka")
                .with("kafka.bootstrap-servers", BROKER.bootstrap()).with("kafka.topic", TOPIC)
                .with("kafka.security-protocol", "PLAINTEXT")
                .fields("contact.name=clear contact.email=token contact.phone=drop case.reason=clear case.agent=drop case.transcript=clear")
                .only() + CrmRecipient.fastOutbox(Duration.ofSeconds(4)));
    }

    @BeforeAll
    static void up() throws Exception {
        BROKER.start();
        BROKER.createTopic(TOPIC, 3);
    }

    @AfterAll
    static void down() throws Exception {
        BROKER.close();
    }

    @ArquillianResource
    URL base;

    @Test
    void consentLeadCaseWithdrawalAndErasureArriveAsOneMinimisedEventEachKeyedByTheSubjectsReference() throws Exception {
        Api api = new Api(base);
        Handoff handoff = new Handoff().withConsent();
        String ref = OUTBOX.refOf(api, lead(api, handoff.subjectId));
        OUTBOX.awaitDelivered(api, ref, 2); // consent.granted, contact.upserted
        String escalation = handoff.handOff(api);
        assertEquals(200, api.post("api/v1/escalations/" + escalation + "/claim", Api.AGENT1, "").status());
        assertEquals(200, api.post("api/v1/escalations/" + escalation + "/resolve", Api.AGENT1, "").status());
        OUTBOX.awaitDelivered(api, ref, 3);
        assertEquals(204, api.delete("api/v1/subjects/" + handoff.subjectId + "/consents/crm-sync", Api.BOT).status());
        List<JsonObject> deliveries = new ArrayList<>(OUTBOX.awaitDelivered(api, ref, 4));
        Api.Reply erasure = api.delete("api/v1/subjects/" + handoff.subjectId, Api.ADMIN);
        assertEquals(202, erasure.status(), erasure::toString);
        String requestId = erasure.json().getString("requestId");
        // the notice waits one lease; once delivered, the erasure takes the subject off the outbox view: know it by id
        List<String> notice = new ArrayList<>();
        Eventually.until("the erasure notice queued", Duration.ofSeconds(30), () -> OUTBOX.deliveries(api).stream()
                .filter(d -> d.getString("kind").equals("crm.erase") && ref.equals(d.getString("subjectRef", null)))
                .map(d -> d.getString("id")).peek(notice::add).findFirst().isPresent());
        Eventually.until("the erasure notice delivered", Duration.ofSeconds(60), () -> OUTBOX.delivery(api, notice.get(0))
                .getString("status").equals("DELIVERED"));
        deliveries.add(OUTBOX.delivery(api, notice.get(0)));

        TopicEvents topic = new TopicEvents(BROKER.bootstrap(), TOPIC);
        List<TopicEvents.Event> events = topic.all();
        assertEquals(List.of(), topic.violations, "every event as the published schema says");
        Set<String> ids = deliveries.stream().map(d -> d.getString("id")).collect(Collectors.toSet());
        Map<String, TopicEvents.Event> byDelivery = events.stream().filter(e -> ids.contains(e.deliveryId()))
                .collect(Collectors.toMap(TopicEvents.Event::deliveryId, e -> e, (a, b) -> {
                    throw new AssertionError("delivery " + a.deliveryId() + " written twice without a fault");
                }));
        Map<String, String> kindOf = Map.of("crm.contact", "contact.upserted", "crm.case", "case.resolved",
                "crm.erase", "erasure.requested");
        Set<String> types = new TreeSet<>();
        for (JsonObject delivery : deliveries) {
            TopicEvents.Event event = byDelivery.get(delivery.getString("id"));
            assertTrue(event != null, "no event for " + delivery);
            String type = event.value().getString("type");
            types.add(type);
            if (!delivery.getString("kind").equals("crm.consent")) {
                assertEquals(kindOf.get(delivery.getString("kind")), type);
            }
            assertEquals(ref, event.key(), "keyed by the pseudonymous reference");
            assertEquals(ref, event.value().getString("subjectRef"));
            assertEquals(delivery.getString("id"), event.value().getString("deliveryId"));
            assertEquals(Map.of(KafkaEvent.DELIVERY_ID, delivery.getString("id"), KafkaEvent.TYPE, type,
                    KafkaEvent.EVENT_VERSION, "1", KafkaEvent.CONTENT_TYPE, "application/json"), event.headers());
            assertFalse(event.raw().contains(handoff.subjectId) || event.key().contains(handoff.subjectId),
                    "the subject id never leaves: " + event.raw());
            for (String secret : new String[] {Handoff.EMAIL, Handoff.PHONE, Handoff.CARD, Handoff.PESEL, "601 234 567"}) {
                assertFalse(event.raw().contains(secret), "tokenised, dropped or redacted: " + event.raw());
            }
        }
        assertNotEquals(handoff.subjectId, ref);
        assertEquals(Set.of("consent.granted", "consent.withdrawn", "contact.upserted", "case.resolved", "erasure.requested"),
                types);
        JsonObject contact = eventOf(byDelivery, "contact.upserted").getJsonObject("contact");
        assertEquals(Handoff.NAME, contact.getString("name"), "name in clear");
        assertTrue(contact.getString("email").startsWith("tok_"), "e-mail as a token");
        assertFalse(contact.containsKey("phone"), "phone dropped");
        JsonObject crmCase = eventOf(byDelivery, "case.resolved").getJsonObject("case");
        assertEquals(escalation, crmCase.getString("escalationId"));
        assertFalse(crmCase.containsKey("agent"), "agent dropped");
        assertFalse(crmCase.getString("reason").isEmpty(), "reason in clear");
        assertTrue(crmCase.getJsonArray("transcript").size() >= 2, "the redacted transcript");
        JsonObject withdrawn = eventOf(byDelivery, "consent.withdrawn").getJsonObject("consent");
        assertEquals("crm-sync", withdrawn.getString("purpose"));
        assertFalse(withdrawn.getBoolean("granted"));
        assertFalse(eventOf(byDelivery, "erasure.requested").getJsonObject("erasure").getString("requestId").isEmpty());
        // one subject, one partition: a consumer gets its events in the order they were written
        assertEquals(1, byDelivery.values().stream().map(TopicEvents.Event::partition).distinct().count());

        // once the bus acknowledged the notice, the erasure completes, and the bus hears that too (by reference only)
        Eventually.until("erasure.completed on the topic", Duration.ofSeconds(60), () -> new TopicEvents(BROKER.bootstrap(), TOPIC)
                .all().stream().anyMatch(e -> e.value().getString("type").equals("erasure.completed") && ref.equals(e.key())));
        TopicEvents after = new TopicEvents(BROKER.bootstrap(), TOPIC);
        JsonObject completed = after.all().stream().filter(e -> e.value().getString("type").equals("erasure.completed")
                && ref.equals(e.key())).findFirst().orElseThrow().value();
        assertEquals(requestId, completed.getJsonObject("erasure").getString("requestId"));
        assertEquals(List.of(), after.violations, "erasure.completed as the published schema says");
        assertEquals("COMPLETED", api.get("api/v1/erasures/" + requestId, Api.ADMIN).json().getString("status"));
    }

    @Test
    void aBrokerKilledAndStartedAgainMidWayLosesNothingAndEachDeliveryIsAppliedOnce() throws Exception {
        Api api = new Api(base);
        String first = new Handoff().subjectId;
        String firstRef = OUTBOX.refOf(api, lead(api, first));
        OUTBOX.awaitDelivered(api, firstRef, 2);

        BROKER.kill();
        String second = new Handoff().subjectId;
        String secondRef = OUTBOX.refOf(api, lead(api, second)); // consent.granted and contact.upserted wait for the broker
        assertEquals(204, api.delete("api/v1/subjects/" + first + "/consents/crm-sync", Api.BOT).status());
        Eventually.until("an attempt failed while the broker is down", Duration.ofSeconds(60), () -> OUTBOX.deliveries(api).stream()
                .anyMatch(d -> d.getString("status").equals("PENDING") && d.getInt("attempts") > 0
                        && d.getString("lastOutcome", "").startsWith("kafka: no acknowledgement")));
        BROKER.start();
        System.out.println("Kafka broker restarted in " + BROKER.lastStart().toMillis() + " ms");
        OUTBOX.awaitDelivered(api, firstRef, 3);
        List<JsonObject> secondOnes = OUTBOX.awaitDelivered(api, secondRef, 2);

        // an acknowledgement lost on the way: the outbox sends the same delivery again, as its next attempt would
        JsonObject granted = secondOnes.stream().filter(d -> d.getString("kind").equals("crm.consent")).findFirst().orElseThrow();
        resendAsAfterALostAcknowledgement(granted);

        Set<String> refs = Set.of(firstRef, secondRef);
        List<JsonObject> all = OUTBOX.deliveries(api).stream().filter(d -> refs.contains(d.getString("subjectRef", ""))).toList();
        assertEquals(5, all.size(), "consent granted and a lead each, a withdrawal: " + all);
        TopicEvents topic = new TopicEvents(BROKER.bootstrap(), TOPIC);
        List<TopicEvents.Event> events = topic.all();
        assertEquals(List.of(), topic.violations);
        Map<String, Integer> applied = new HashMap<>();
        Map<String, TopicEvents.Event> once = TopicEvents.deduplicated(
                events.stream().filter(e -> refs.contains(e.key())).toList(), applied);
        for (JsonObject delivery : all) {
            assertEquals("DELIVERED", delivery.getString("status"), delivery::toString);
            assertTrue(once.containsKey(delivery.getString("id")), "lost: " + delivery);
            assertEquals(1, applied.get(delivery.getString("id")), "applied once: " + delivery);
        }
        assertEquals(all.size(), once.size(), "nothing on the topic that the outbox did not send");
        assertTrue(events.stream().filter(e -> e.deliveryId().equals(granted.getString("id"))).count() >= 2,
                "the re-sent record is on the topic twice, applied once");
    }

    /** What the outbox does when an attempt's acknowledgement was lost: the same record again, same delivery id. */
    private static void resendAsAfterALostAcknowledgement(JsonObject delivery) {
        Map<String, String> keys = Map.of("consentry.crm.recipient.bus.kafka.bootstrap-servers", BROKER.bootstrap(),
                "consentry.crm.recipient.bus.kafka.topic", TOPIC);
        RecipientSettings bus = new RecipientSettings("bus", "kafka", "consentry.crm.recipient.bus.", Optional.empty(),
                Optional.empty(), Optional.empty(), List.of("crm-sync"), Map.of(), k -> Optional.ofNullable(keys.get(k)));
        CrmRecord record = new CrmRecord(CrmRecord.Type.CONSENT, delivery.getString("id"), null, delivery.getString("subjectRef"),
                Map.of(), null, null, new CrmRecord.Consent("crm-sync", true, Instant.now()), Instant.now());
        KafkaConnector connector = new KafkaConnector();
        connector.timeout = Duration.ofSeconds(10);
        try {
            assertTrue(connector.send(bus, record) instanceof DeliveryResult.Delivered);
        } finally {
            connector.close();
        }
    }

    private static JsonObject eventOf(Map<String, TopicEvents.Event> events, String type) {
        return events.values().stream().map(TopicEvents.Event::value).filter(v -> v.getString("type").equals(type))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type));
    }

    /** A lead with the customer's consent to crm-sync; the id of its delivery to the bus. */
    private static String lead(Api api, String subjectId) {
        var lead = api.post("api/v1/subjects/" + subjectId + "/crm-sync", Api.BOT,
                "{\"name\":\"" + Handoff.NAME + "\",\"email\":\"" + Handoff.EMAIL + "\",\"phone\":\"" + Handoff.PHONE + "\","
                + "\"consent\":{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"m-2\"}}");
        assertEquals(202, lead.status(), lead::toString);
        return lead.json().getString("deliveryId");
    }
}
