package org.consentry.testing;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The CRM outbox as an admin sees it (GET /api/v1/crm/outbox): a delivery by id, a subject's deliveries by
 * the subject reference the listing shows, and waits for them to be delivered. A delivery that fails or is
 * cancelled while a test waits for it ends the wait at once, with {@code context} (say, a fake vendor's
 * contract violations) in the message.
 */
public final class OutboxView {

    private final Supplier<String> context;

    public OutboxView() {
        this(() -> "");
    }

    public OutboxView(Supplier<String> context) {
        this.context = context;
    }

    public List<JsonObject> deliveries(Api api) {
        return api.get("api/v1/crm/outbox?limit=1000", Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class);
    }

    public JsonObject delivery(Api api, String id) {
        return deliveries(api).stream().filter(d -> d.getString("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no delivery " + id + " in the outbox"));
    }

    /** The subject reference of a delivery: the key to the same subject's other deliveries. */
    public String refOf(Api api, String id) {
        return delivery(api, id).getString("subjectRef");
    }

    /** The subject's delivery of {@code kind}, found by the subject reference its lead's delivery shows, once queued. */
    public Optional<String> deliveryOf(Api api, String lead, String kind) throws Exception {
        String ref = refOf(api, lead);
        Eventually.until(kind + " queued", Duration.ofSeconds(20), () -> deliveries(api).stream()
                .anyMatch(d -> d.getString("kind").equals(kind) && ref.equals(d.getString("subjectRef", null))));
        return deliveries(api).stream().filter(d -> d.getString("kind").equals(kind) && ref.equals(d.getString("subjectRef", null)))
                .map(d -> d.getString("id")).findFirst();
    }

    public JsonObject awaitDelivered(Api api, Optional<String> delivery) throws Exception {
        return awaitDelivered(api, delivery.orElseThrow(() -> new AssertionError("no such delivery queued")));
    }

    /** The delivery, once delivered. */
    public JsonObject awaitDelivered(Api api, String delivery) throws Exception {
        Eventually.until("delivered: " + delivery, Duration.ofSeconds(30), () -> {
            JsonObject now = delivery(api, delivery);
            String status = now.getString("status");
            if (status.equals("FAILED") || status.equals("CANCELLED")) {
                throw new AssertionError(status + ": " + now + " " + context.get());
            }
            return status.equals("DELIVERED");
        });
        return delivery(api, delivery);
    }

    /** The subject's deliveries (by its reference), once there are {@code count} and all are delivered. */
    public List<JsonObject> awaitDelivered(Api api, String ref, int count) throws Exception {
        List<List<JsonObject>> found = new ArrayList<>(List.of(List.of()));
        Eventually.until(count + " deliveries of one subject delivered", Duration.ofSeconds(60), () -> {
            found.set(0, deliveries(api).stream().filter(d -> ref.equals(d.getString("subjectRef", null))).toList());
            if (found.get(0).stream().anyMatch(d -> d.getString("status").equals("FAILED") || d.getString("status").equals("CANCELLED"))) {
                throw new AssertionError("failed: " + found.get(0) + " " + context.get());
            }
            return found.get(0).size() == count && found.get(0).stream().allMatch(d -> d.getString("status").equals("DELIVERED"));
        });
        return found.get(0);
    }
}
