package org.consentry.crmsync.connector.zendesk;

import static org.consentry.platform.entity.JsonProviders.JSON;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.consentry.crmsync.entity.CrmRecord;

/**
 * Zendesk end users, one per subject: external_id = Consentry's subject id. Clear values go into
 * Zendesk's own fields; Zendesk validates email and phone, so a token never goes there but into the
 * custom user field {@code consentry_<field>_token}. Zendesk requires a name: when the policy keeps the
 * name back, the user is named by the subject's pseudonymous reference. A withdrawal is a user tag.
 */
final class ZendeskUsers {

    static final String USERS = "/users";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private ZendeskUsers() {
    }

    /** Creates or updates the subject's user (create_or_update matches by external_id); its Zendesk id. */
    static long upsert(ZendeskApi api, CrmRecord record) {
        JsonObject answer = api.post(USERS + "/create_or_update", USERS + "/create_or_update",
                JSON.createObjectBuilder().add("user", user(record)).build());
        return answer.getJsonObject("user").getJsonNumber("id").longValueExact();
    }

    /** The subject's user, looked up by external_id. */
    static Optional<JsonObject> find(ZendeskApi api, String subjectId) {
        return api.get(USERS + "?external_id=" + ZendeskApi.query(subjectId), USERS).getJsonArray("users")
                .getValuesAs(JsonObject.class).stream()
                .filter(u -> subjectId.equalsIgnoreCase(u.getString("external_id", ""))).findFirst();
    }

    /**
     * Mirrors a withdrawal as the tag {@code consentry_withdrawn_<purpose>} on the user (kept with its
     * other tags): triggers, automations and views can act on it, and Zendesk copies a requester's tags
     * to the tickets they open. False when Zendesk holds no user for the subject.
     */
    static boolean tagWithdrawal(ZendeskApi api, CrmRecord record) {
        Optional<JsonObject> user = find(api, record.subjectId());
        if (user.isEmpty()) {
            return false;
        }
        Set<String> tags = new LinkedHashSet<>();
        if (user.get().get("tags") instanceof jakarta.json.JsonArray existing) {
            existing.getValuesAs(JsonString.class).forEach(t -> tags.add(t.getString()));
        }
        String tag = withdrawalTag(record.consent().purpose());
        if (tags.add(tag)) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            tags.forEach(list::add);
            long id = user.get().getJsonNumber("id").longValueExact();
            api.put(USERS + "/" + id, USERS + "/{user_id}",
                    JSON.createObjectBuilder().add("user", JSON.createObjectBuilder().add("tags", list)).build());
        }
        return true;
    }

    static String withdrawalTag(String purpose) {
        return "consentry_withdrawn_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }

    static String placeholderName(CrmRecord record) {
        return "Customer " + record.subjectRef();
    }

    static JsonObjectBuilder user(CrmRecord record) {
        JsonObjectBuilder user = JSON.createObjectBuilder()
                .add("external_id", record.subjectId())
                .add("role", "end-user")
                .add("skip_verify_email", true); // Consentry's sync must not mail the customer
        JsonObjectBuilder tokens = JSON.createObjectBuilder();
        String name = record.contact().get("name");
        if (name != null && !isToken(name)) {
            user.add("name", name);
        } else {
            user.add("name", placeholderName(record));
        }
        String email = record.contact().get("email");
        if (email != null && !isToken(email)) {
            user.add("email", email);
        }
        e164(record.contact().get("phone")).ifPresent(phone -> user.add("phone", phone));
        record.contact().forEach((field, value) -> {
            if (isToken(value)) {
                tokens.add("consentry_" + field + "_token", value);
            }
        });
        JsonObject fields = tokens.build();
        if (!fields.isEmpty()) {
            user.add("user_fields", fields);
        }
        return user;
    }

    /** A clear phone in E.164, the form Zendesk keeps; a token or a number without a country code: none. */
    static Optional<String> e164(String phone) {
        if (phone == null || isToken(phone) || !phone.strip().startsWith("+")) {
            return Optional.empty();
        }
        try {
            var parsed = PHONES.parse(phone, "ZZ");
            return PHONES.isPossibleNumber(parsed)
                    ? Optional.of(PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    static boolean isToken(String value) {
        return value.startsWith("tok_");
    }
}
