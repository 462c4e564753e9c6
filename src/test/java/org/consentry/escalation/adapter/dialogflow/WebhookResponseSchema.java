package org.consentry.escalation.adapter.dialogflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Every answer Consentry gives a webhook call is a WebhookResponse as the proto describes it
 * (platforms/dialogflow-cx/webhook-response.schema.json, written from webhook.proto).
 */
final class WebhookResponseSchema {

    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
            .getSchema(DialogflowPayloads.text("webhook-response.schema.json"), InputFormat.JSON);

    private WebhookResponseSchema() {
    }

    static List<String> violations(String answer) {
        return SCHEMA.validate(answer, InputFormat.JSON).stream().map(Object::toString).toList();
    }

    static void check(JsonObject answer) {
        assertEquals(List.of(), violations(answer.toString()), answer::toString);
    }
}
