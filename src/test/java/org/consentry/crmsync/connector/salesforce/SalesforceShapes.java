package org.consentry.crmsync.connector.salesforce;

import static org.consentry.platform.entity.JsonProviders.JSON;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consentry.testing.StandIn;

/** The shapes of a Salesforce org's answers that are not records: the REST error array, the OAuth error, a form. */
final class SalesforceShapes {

    private SalesforceShapes() {
    }

    static StandIn.Answer error(int status, String code, String message) {
        return error(status, code, message, List.of());
    }

    static StandIn.Answer error(int status, String code, String message, List<String> fields) {
        var field = JSON.createArrayBuilder();
        fields.forEach(field::add);
        return new StandIn.Answer(status, JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("message", message)
                .add("errorCode", code).add("fields", field)).build().toString());
    }

    static StandIn.Answer oauthError(String error, String description) {
        return new StandIn.Answer(400, JSON.createObjectBuilder().add("error", error).add("error_description", description)
                .build().toString());
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        for (String pair : (encoded == null ? "" : encoded).split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                values.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
