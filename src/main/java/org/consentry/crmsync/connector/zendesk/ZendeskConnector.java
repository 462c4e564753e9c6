package org.consentry.crmsync.connector.zendesk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import org.consentry.crmsync.control.CrmConnector;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.outbox.control.VendorHttp;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.platform.control.Settings;

/**
 * Zendesk Support (API v2): a subject is an end user (create_or_update by external_id = the subject
 * id), a resolved case a solved ticket (external_id = the escalation id) with the redacted case as an
 * internal note, a withdrawal a user tag, an erasure Zendesk's permanent user deletion. The recipient's
 * url is the account (https://{subdomain}.zendesk.com), its secret an API token of the agent whose
 * address is {@code zendesk.email}. Stateless: every attempt looks up what an earlier one made.
 */
@ApplicationScoped
public class ZendeskConnector implements CrmConnector {

    static final String EMAIL = "zendesk.email";

    @Override
    public String type() {
        return "zendesk";
    }

    @Override
    public void check(RecipientSettings recipient, Settings settings, boolean production) {
        if (recipient.property(EMAIL).filter(v -> v.matches("[^@\\s/]+@[^@\\s/]+\\.[^@\\s/]+")).isEmpty()) {
            settings.problem(recipient.key(EMAIL) + ": not set or not an e-mail address (the agent whose API token is the secret)");
        }
    }

    @Override
    public DeliveryResult send(RecipientSettings recipient, CrmRecord record) {
        String email = recipient.property(EMAIL).orElseThrow();
        ZendeskApi api = new ZendeskApi(recipient.requireUrl(), email, recipient.secret().orElseThrow());
        try {
            return switch (record.type()) {
                case CONTACT -> {
                    ZendeskUsers.upsert(api, record);
                    yield new DeliveryResult.Delivered("zendesk user created or updated");
                }
                case CASE -> new DeliveryResult.Delivered(ZendeskTickets.sync(api, record, email)
                        ? "zendesk ticket created, solved" : "zendesk ticket was there already");
                case ERASE -> new DeliveryResult.Delivered(ZendeskErasure.erase(api, record)
                        ? "zendesk user permanently deleted" : "zendesk user already gone");
                case CONSENT -> consent(api, record);
                case ERASURE_COMPLETED -> new DeliveryResult.Delivered("zendesk: nothing to do (event buses only)");
            };
        } catch (VendorHttp.Failed failed) {
            return failed.result();
        } catch (JsonException | ClassCastException | NullPointerException | ArithmeticException e) {
            // a JSON answer without the members Zendesk documents (ids, lists): a hiccup, not the record's fault
            return new DeliveryResult.Retry("zendesk " + record.type().name().toLowerCase() + ": an answer of an unexpected shape");
        }
    }

    private static DeliveryResult consent(ZendeskApi api, CrmRecord record) {
        if (record.consent().granted()) {
            return new DeliveryResult.Delivered("zendesk: a granted consent, nothing to mirror");
        }
        return new DeliveryResult.Delivered(ZendeskUsers.tagWithdrawal(api, record)
                ? "zendesk user tagged as withdrawn" : "zendesk holds no user: nothing to mirror");
    }
}
