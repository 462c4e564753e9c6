package org.consentry.crmsync.connector.chatwoot;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;
import org.consentry.crmsync.control.CrmConnector;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.control.VendorHttp;
import org.consentry.platform.control.Settings;

/**
 * Chatwoot, the open-source helpdesk, through its published application API: the subject's contact
 * (identifier = subject id; a contact the widget made under the same e-mail or phone is linked), a
 * resolved case as a conversation with a private note, a withdrawal as the contact's custom attribute
 * consentry_&lt;purpose&gt; = withdrawn, an erasure as the contact's deletion (Chatwoot deletes its
 * conversations and messages with it). The secret is a Chatwoot access token; chatwoot.account-id,
 * chatwoot.inbox-id (an API inbox) and chatwoot.default-region (for numbers without a country code,
 * default PL) are the recipient's own keys. Stateless: every attempt builds its own calls.
 */
@ApplicationScoped
public class ChatwootConnector implements CrmConnector {

    static final String ACCOUNT = "chatwoot.account-id";
    static final String INBOX = "chatwoot.inbox-id";
    static final String REGION = "chatwoot.default-region";

    @Override
    public String type() {
        return "chatwoot";
    }

    @Override
    public void check(RecipientSettings recipient, Settings settings, boolean production) {
        if (recipient.property(ACCOUNT).filter(v -> v.matches("\\d{1,12}")).isEmpty()) {
            settings.problem(recipient.key(ACCOUNT) + ": not set or not a number (the Chatwoot account)");
        }
        if (recipient.property(INBOX).filter(v -> v.matches("\\d{1,12}")).isEmpty()) {
            settings.problem(recipient.key(INBOX) + ": not set or not a number (the API inbox)");
        }
        if (!ChatwootPhone.knownRegion(region(recipient))) {
            settings.problem(recipient.key(REGION) + ": not a region libphonenumber knows (a two-letter code such as PL)");
        }
    }

    @Override
    public DeliveryResult send(RecipientSettings recipient, CrmRecord record) {
        try {
            ChatwootApi api = new ChatwootApi(recipient);
            return switch (record.type()) {
                case CONTACT -> delivered("contact", upsert(api, recipient, record));
                case CASE -> {
                    ChatwootContacts.Upserted contact = upsert(api, recipient, record);
                    new ChatwootCases(api).sync(contact.id(), record.crmCase());
                    yield delivered("case", contact);
                }
                case ERASE -> erase(api, record.subjectId());
                case CONSENT -> record.consent().granted() ? new DeliveryResult.Delivered("chatwoot: a grant has nothing to mirror")
                        : withdraw(api, record);
                case ERASURE_COMPLETED -> new DeliveryResult.Delivered("chatwoot: nothing to do (event buses only)");
            };
        } catch (VendorHttp.Failed failed) {
            return failed.result();
        } catch (RuntimeException unexpected) { // an answer without the members Chatwoot documents
            return new DeliveryResult.Retry("chatwoot " + record.type().name().toLowerCase(Locale.ROOT)
                    + ": an answer not shaped as Chatwoot documents (" + unexpected.getClass().getSimpleName() + ")");
        }
    }

    private static ChatwootContacts.Upserted upsert(ChatwootApi api, RecipientSettings recipient, CrmRecord record) {
        return new ChatwootContacts(api).upsert(record.subjectId(), ContactFields.of(record.contact(), region(recipient)));
    }

    private static DeliveryResult delivered(String what, ChatwootContacts.Upserted contact) {
        return new DeliveryResult.Delivered("chatwoot " + what
                + (contact.leftOut().isEmpty() ? "" : "; left out: " + String.join(", ", contact.leftOut())));
    }

    /** Deletes the contact (404: gone already); Chatwoot refuses while the customer is online: try later. */
    private static DeliveryResult erase(ChatwootApi api, String subjectId) {
        Optional<Long> contact = new ChatwootContacts(api).byIdentifier(subjectId).map(ChatwootContacts::id);
        if (contact.isEmpty()) {
            return new DeliveryResult.Delivered("chatwoot erase: no contact carries the subject id (none or erased)");
        }
        VendorHttp.Answer answer = api.delete("/contacts/" + contact.get());
        if (answer.status() == 422) {
            return new DeliveryResult.Retry("chatwoot DELETE " + ChatwootContacts.CONTACT + " answered 422 (the contact is online)");
        }
        if (answer.status() != 404) {
            api.ok("DELETE", ChatwootContacts.CONTACT, answer);
        }
        return new DeliveryResult.Delivered("chatwoot erase: contact deleted with its conversations");
    }

    /**
     * A custom attribute, not a label: Chatwoot merges custom attributes on update, while its labels
     * call replaces the contact's whole label list (an agent's labels would be lost, or a read-modify-
     * write race); admins filter contacts by it and see it in the contact panel.
     */
    private static DeliveryResult withdraw(ChatwootApi api, CrmRecord record) {
        Optional<Long> contact = new ChatwootContacts(api).byIdentifier(record.subjectId()).map(ChatwootContacts::id);
        if (contact.isEmpty()) {
            return new DeliveryResult.Delivered("chatwoot consent: no contact carries the subject id");
        }
        String key = attribute(record.consent().purpose());
        VendorHttp.Answer answer = api.send("PUT", "/contacts/" + contact.get(), JSON.createObjectBuilder()
                .add("custom_attributes", JSON.createObjectBuilder().add(key, "withdrawn")
                        .add(key + "_at", record.consent().at().toString())).build());
        if (answer.status() == 404) {
            return new DeliveryResult.Delivered("chatwoot consent: the contact is gone");
        }
        api.ok("PUT", ChatwootContacts.CONTACT, answer);
        return new DeliveryResult.Delivered("chatwoot consent: " + key + " = withdrawn");
    }

    /** The custom attribute of a purpose: crm-sync becomes consentry_crm_sync (Chatwoot keys: letters, digits, _). */
    static String attribute(String purpose) {
        return "consentry_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }

    static String region(RecipientSettings recipient) {
        return recipient.property(REGION).map(r -> r.toUpperCase(Locale.ROOT)).orElse(ChatwootPhone.DEFAULT_REGION);
    }
}
