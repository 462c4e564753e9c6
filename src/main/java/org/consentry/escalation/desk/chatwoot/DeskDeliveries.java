package org.consentry.escalation.desk.chatwoot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Optional;
import org.consentry.outbox.control.DeliveryHandler;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.VendorHttp;
import org.consentry.outbox.entity.OutboxEntry;

/**
 * Writes escalations into Chatwoot, from the outbox (recipient "chatwoot-desk", the escalation's id as the
 * target): desk.open opens the conversation with a private note holding the masked transcript and the
 * reveal link; desk.customer-message adds a customer's later message, masked, as an incoming message. Each
 * looks first for what an earlier attempt wrote (its marker), so a retry writes nothing twice; desk.resolve
 * resolves the conversation when the escalation was resolved (toggling to resolved twice is harmless);
 * desk.erase deletes the escalation's Chatwoot contact, and with it its conversation, once the escalation is
 * gone ({@link DeskErasures}); a contact already gone is the same outcome.
 */
@ApplicationScoped
public class DeskDeliveries implements DeliveryHandler {

    static final String RECIPIENT = "chatwoot-desk";
    static final String OPEN = "desk.open";
    static final String CUSTOMER_MESSAGE = "desk.customer-message";
    static final String RESOLVE = "desk.resolve";
    static final String ERASE = "desk.erase";

    @Inject
    DeskSettings settings;

    @Inject
    DeskRecords records;

    @Inject
    DeskConversations conversations;

    @Override
    public boolean handles(String kind) {
        return OPEN.equals(kind) || CUSTOMER_MESSAGE.equals(kind) || RESOLVE.equals(kind) || ERASE.equals(kind);
    }

    @Override
    public DeliveryResult deliver(OutboxEntry entry) {
        if (!settings.chatwoot()) {
            return new DeliveryResult.Obsolete("consentry.desk is no longer chatwoot");
        }
        try {
            DeskApi api = new DeskApi(settings);
            return switch (entry.kind()) {
                case OPEN -> open(api, entry.target());
                case RESOLVE -> resolve(api, entry.target());
                case ERASE -> erase(api, entry.target());
                default -> customerMessage(api, entry.target(), entry.reference());
            };
        } catch (VendorHttp.Failed failed) {
            return failed.result();
        }
    }

    private DeliveryResult open(DeskApi api, String escalationId) {
        Optional<DeskRecords.Masked> masked = records.masked(escalationId);
        if (masked.isEmpty()) {
            return new DeliveryResult.Obsolete("the escalation no longer exists");
        }
        long conversation = conversations.open(api, escalationId);
        String marker = Markers.transcript(escalationId);
        if (api.messages(conversation).stream().noneMatch(m -> marker.equals(Markers.of(m)))) {
            api.postMessage(conversation, Transcripts.note(masked.get(), settings.revealLink(escalationId)), false, true, marker);
        }
        return new DeliveryResult.Delivered("chatwoot conversation opened with the masked transcript");
    }

    private DeliveryResult customerMessage(DeskApi api, String escalationId, String messageId) {
        Optional<Long> conversation = records.conversationOf(escalationId);
        if (conversation.isEmpty()) {
            return new DeliveryResult.Retry("the escalation's chatwoot conversation is not open yet");
        }
        Optional<String> text = records.maskedMessage(messageId);
        if (text.isEmpty()) {
            return new DeliveryResult.Obsolete("the message no longer exists");
        }
        String marker = Markers.message(messageId);
        if (api.messages(conversation.get()).stream().noneMatch(m -> marker.equals(Markers.of(m)))) {
            api.postMessage(conversation.get(), Transcripts.message(text.get()), true, false, marker);
        }
        return new DeliveryResult.Delivered("customer message added, masked");
    }

    private DeliveryResult resolve(DeskApi api, String escalationId) {
        Optional<Long> conversation = records.conversationOf(escalationId);
        if (conversation.isEmpty()) {
            return !records.exists(escalationId) ? new DeliveryResult.Obsolete("the escalation no longer exists")
                    : new DeliveryResult.Retry("the escalation's chatwoot conversation is not open yet");
        }
        api.resolve(conversation.get());
        return new DeliveryResult.Delivered("chatwoot conversation resolved");
    }

    private DeliveryResult erase(DeskApi api, String escalationId) {
        Optional<JsonObject> contact = api.contactByIdentifier(Markers.CONTACT_PREFIX + escalationId);
        if (contact.isEmpty()) {
            return new DeliveryResult.Delivered("nothing of the escalation is left in chatwoot");
        }
        api.deleteContact(contact.get().getJsonNumber("id").longValue());
        return new DeliveryResult.Delivered("chatwoot contact deleted with its conversation");
    }
}
