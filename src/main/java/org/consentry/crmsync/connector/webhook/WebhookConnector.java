package org.consentry.crmsync.connector.webhook;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.crmsync.control.CrmConnector;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.SignedPost;
import org.consentry.outbox.control.WebhookSigner;
import org.consentry.platform.control.Settings;

/**
 * The generic JSON webhook (the default): one POST per record to the recipient's url, signed the
 * Standard Webhooks way with its secret (a whsec_ value; .previous as well during a rotation), the
 * delivery id as webhook-id. A withdrawal is sent as {@code consent.withdrawn}. Contract:
 * {@code docs/crm-webhook.md}.
 */
@ApplicationScoped
public class WebhookConnector implements CrmConnector {

    @Inject
    SignedPost post;

    private final Map<String, Optional<WebhookSigner>> signers = new ConcurrentHashMap<>();

    @Override
    public String type() {
        return "webhook";
    }

    @Override
    public void check(RecipientSettings recipient, Settings settings, boolean production) {
        try {
            signer(recipient);
        } catch (IllegalStateException | IllegalArgumentException e) {
            settings.problem(e.getMessage());
        }
    }

    @Override
    public DeliveryResult send(RecipientSettings recipient, CrmRecord record) {
        Optional<WebhookSigner> signer = signers.computeIfAbsent(recipient.id(), id -> signer(recipient));
        if (signer.isEmpty()) {
            return new DeliveryResult.Rejected(recipient.key("secret") + " is not set: unsigned deliveries are not sent");
        }
        return post.send(recipient.requireUrl(), body(record), signer.get(), record.deliveryId(), Map.of());
    }

    private static Optional<WebhookSigner> signer(RecipientSettings recipient) {
        return WebhookSigner.configured(recipient.key("secret"), recipient.secret(), recipient.previousSecret());
    }

    static String body(CrmRecord record) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", switch (record.type()) {
                    case CONTACT -> "contact.upsert";
                    case CASE -> "case.resolved";
                    case ERASE -> "subject.erase";
                    case CONSENT -> record.consent().granted() ? "consent.granted" : "consent.withdrawn";
                    case ERASURE_COMPLETED -> "erasure.completed"; // event buses only: not sent to a webhook
                })
                .add("deliveryId", record.deliveryId())
                .add("occurredAt", record.occurredAt().toString());
        if (record.subjectId() != null) {
            json.add("subjectId", record.subjectId());
        }
        if (record.consent() != null) {
            json.add("purpose", record.consent().purpose());
        }
        if (record.type() == CrmRecord.Type.CONTACT || record.type() == CrmRecord.Type.CASE) {
            JsonObjectBuilder contact = JSON.createObjectBuilder();
            record.contact().forEach(contact::add);
            json.add("contact", contact);
        }
        if (record.crmCase() != null) {
            CrmRecord.CrmCase c = record.crmCase();
            JsonArrayBuilder transcript = JSON.createArrayBuilder();
            c.transcript().forEach(l -> transcript.add(JSON.createObjectBuilder().add("from", l.from())
                    .add("at", l.at().toString()).add("text", l.text())));
            JsonObjectBuilder crmCase = JSON.createObjectBuilder()
                    .add("escalationId", c.escalationId())
                    .add("conversationId", c.conversationId())
                    .add("language", c.language())
                    .add("openedAt", c.openedAt().toString())
                    .add("resolvedAt", c.resolvedAt().toString())
                    .add("transcript", transcript);
            if (c.reason() != null) {
                crmCase.add("reason", c.reason());
            }
            if (c.agent() != null) {
                crmCase.add("agent", c.agent());
            }
            json.add("case", crmCase);
        }
        if (record.erasureRequestId() != null) {
            json.add("erasureRequestId", record.erasureRequestId());
        }
        return json.build().toString();
    }
}
