package org.consentry.crmsync.connector.hubspot;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.TreeMap;

/**
 * A contact's properties as HubSpot names them: a clear name split into firstname and lastname, a
 * clear e-mail in email and a clear phone in phone. A tokenised value never goes into those (HubSpot
 * validates email, and a token in a name would look like a person): the tokens go together, as one
 * JSON object {field: token}, into the custom text property named by hubspot.tokens-property. A field
 * the recipient's policy dropped is left out, so HubSpot keeps whatever it has.
 */
final class HubSpotContact {

    private HubSpotContact() {
    }

    static JsonObject properties(Map<String, String> contact, String tokensProperty) {
        JsonObjectBuilder properties = JSON.createObjectBuilder();
        Map<String, String> tokens = new TreeMap<>();
        contact.forEach((field, value) -> {
            if (value.startsWith("tok_")) {
                tokens.put(field, value);
                return;
            }
            switch (field) {
                case "name" -> name(properties, value);
                case "email" -> properties.add("email", value);
                case "phone" -> properties.add("phone", value);
                default -> {
                    // a field this connector does not know does not leave
                }
            }
        });
        if (!tokens.isEmpty()) {
            JsonObjectBuilder json = JSON.createObjectBuilder();
            tokens.forEach(json::add);
            properties.add(tokensProperty, json.build().toString());
        }
        return properties.build();
    }

    /** "Anna Maria Nowak": firstname Anna, lastname "Maria Nowak"; a single word is the first name. */
    private static void name(JsonObjectBuilder properties, String name) {
        String clean = name.strip().replaceAll("\\s+", " ");
        int space = clean.indexOf(' ');
        if (space < 0) {
            properties.add("firstname", clean);
        } else {
            properties.add("firstname", clean.substring(0, space)).add("lastname", clean.substring(space + 1));
        }
    }
}
