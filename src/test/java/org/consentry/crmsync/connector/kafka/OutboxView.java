package org.consentry.crmsync.connector.kafka;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.consentry.testing.Api;
import org.consentry.testing.Eventually;

/** The CRM outbox as an admin sees it (GET /api/v1/crm/outbox): deliveries by id or by subject reference. */
final class OutboxView {

    private OutboxView() {
    }

    static List<JsonObject> outbox(Api api) {
        return api.get("api/v1/crm/outbox?limit=1000", Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class);
    }

    static JsonObject delivery(Api api, String id) {
        return outbox(api).stream().filter(d -> d.getString("id").equals(id)).findFirst().orElseThrow();
    }

    static String refOf(Api api, String deliveryId) {
        return delivery(api, deliveryId).getString("subjectRef");
    }

    /** The subject's deliveries (by its reference), once there are {@code count} and all are delivered. */
    static List<JsonObject> awaitDelivered(Api api, String ref, int count) throws Exception {
        List<List<JsonObject>> found = new ArrayList<>(List.of(List.of()));
        Eventually.until(count + " deliveries of one subject delivered", Duration.ofSeconds(60), () -> {
            found.set(0, outbox(api).stream().filter(d -> ref.equals(d.getString("subjectRef", null))).toList());
            if (found.get(0).stream().anyMatch(d -> d.getString("status").equals("FAILED"))) {
                throw new AssertionError("failed: " + found.get(0));
            }
            return found.get(0).size() == count && found.get(0).stream().allMatch(d -> d.getString("status").equals("DELIVERED"));
        });
        return found.get(0);
    }
}
