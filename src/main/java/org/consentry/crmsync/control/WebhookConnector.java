package org.consentry.crmsync.control;

import static org.consentry.platform.control.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.SignedPost;
import org.consentry.outbox.control.WebhookSigner;

/**
 * The generic JSON webhook (the default): one POST per record to consentry.crm.url, signed the
 * Standard Webhooks way with consentry.crm.secret (and .previous during a rotation), the delivery id
 * as webhook-id. Contract: {@code docs/crm-webhook.md}.
 */
@ApplicationScoped
public class WebhookConnector implements CrmConnector {

    @Inject
    CrmSettings settings;

    @Inject
    SignedPost post;

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public DeliveryResult send(CrmRecord record) {
        Optional<WebhookSigner> signer = settings.signer();
        if (signer.isEmpty()) {
            return new DeliveryResult.Rejected("consentry.crm.secret is not set: unsigned deliveries are not sent");
        }
        return post.send(URI.create(settings.url()), body(record), signer.get(), record.deliveryId(), Map.of());
    }

    static String body(CrmRecord record) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", switch (record.type()) {
                    case CONTACT -> "contact.upsert";
                    case CASE -> "case.resolved";
                    case ERASE -> "subject.erase";
                })
                .add("deliveryId", record.deliveryId())
                .add("subjectId", record.subjectId())
                .add("occurredAt", record.occurredAt().toString());
        if (record.type() != CrmRecord.Type.ERASE) {
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
