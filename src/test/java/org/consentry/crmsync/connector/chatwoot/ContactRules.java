package org.consentry.crmsync.connector.chatwoot;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.consentry.testing.StandIn;

/**
 * Chatwoot's Contact validations (app/models/contact.rb): an e-mail must look like one (Devise's
 * regexp) and be unique per account ignoring case, the identifier and the phone number unique, the
 * phone number in E.164 (/\A\+[1-9]\d{1,14}\z/); a failure is a 422 with the full messages and the
 * attribute names, as RequestExceptionHandler#render_record_invalid renders it.
 */
final class ContactRules {

    static final Pattern PHONE = Pattern.compile("\\+[1-9]\\d{1,14}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final Map<Long, JsonObject> contacts;

    ContactRules(Map<Long, JsonObject> contacts) {
        this.contacts = contacts;
    }

    /** Chatwoot's validations of a contact, as its full messages, each with its attribute. */
    List<String> invalid(JsonObject c, Long self) {
        List<String> invalid = new ArrayList<>();
        String email = ChatwootAccount.text(c, "email");
        String phone = ChatwootAccount.text(c, "phone_number");
        if (email != null && !email.isEmpty() && !EMAIL.matcher(email).matches()) {
            invalid.add("email:Email Invalid email");
        } else if (email != null && !email.isEmpty() && taken(c, "email", email.toLowerCase(java.util.Locale.ROOT), self)) {
            invalid.add("email:Email has already been taken");
        }
        if (ChatwootAccount.text(c, "identifier") != null && !ChatwootAccount.text(c, "identifier").isEmpty() && taken(c, "identifier", ChatwootAccount.text(c, "identifier"), self)) {
            invalid.add("identifier:Identifier has already been taken");
        }
        if (phone != null && !phone.isEmpty() && taken(c, "phone_number", phone, self)) {
            invalid.add("phone_number:Phone number has already been taken");
        }
        if (phone != null && !phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            invalid.add("phone_number:Phone number should be in e164 format");
        }
        return invalid;
    }

    private boolean taken(JsonObject c, String attribute, String value, Long self) {
        return contacts.values().stream().anyMatch(o -> !Objects.equals(o.getJsonNumber("id") == null ? null
                : o.getJsonNumber("id").longValue(), self) && value.equalsIgnoreCase(ChatwootAccount.text(o, attribute)));
    }

    static StandIn.Answer recordInvalid(List<String> invalid) {
        JsonArrayBuilder attributes = JSON.createArrayBuilder();
        invalid.stream().map(i -> i.substring(0, i.indexOf(':'))).distinct().forEach(attributes::add);
        return new StandIn.Answer(422, JSON.createObjectBuilder().add("message", String.join(", ",
                invalid.stream().map(i -> i.substring(i.indexOf(':') + 1)).toList())).add("attributes", attributes).build().toString());
    }

    static JsonObject stored(JsonObjectBuilder contact) {
        JsonObject c = contact.build();
        JsonObjectBuilder b = JSON.createObjectBuilder(c);
        if (ChatwootAccount.text(c, "email") != null) {
            b.add("email", ChatwootAccount.text(c, "email").toLowerCase(java.util.Locale.ROOT));
        }
        for (String attributes : new String[] {"custom_attributes", "additional_attributes"}) {
            if (!c.containsKey(attributes)) {
                b.add(attributes, JSON.createObjectBuilder());
            }
        }
        return b.build();
    }

}
