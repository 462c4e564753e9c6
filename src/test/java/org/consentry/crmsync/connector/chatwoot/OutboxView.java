package org.consentry.crmsync.connector.chatwoot;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.consentry.testing.Api;
import org.consentry.testing.Eventually;

/** The CRM outbox as an admin sees it (GET /api/v1/crm/outbox): a delivery, its subject's others, waiting for one. */
final class OutboxView {

    private final Supplier<String> context;

    /** {@code context}: what to add to a failure (the fake's contract violations). */
    OutboxView(Supplier<String> context) {
        this.context = context;
    }

    List<JsonObject> deliveries(Api api) {
        return api.get("api/v1/crm/outbox?limit=1000", Api.ADMIN).structure().asJsonArray().getValuesAs(JsonObject.class);
    }

    JsonObject outbox(Api api, String delivery) {
        return deliveries(api).stream().filter(d -> d.getString("id").equals(delivery)).findFirst().orElseThrow();
    }

    /** The subject's delivery of {@code kind}, found by the subject reference its lead's delivery shows. */
    Optional<String> deliveryOf(Api api, String lead, String kind) throws Exception {
        String ref = outbox(api, lead).getString("subjectRef");
        Eventually.until(kind + " queued", Duration.ofSeconds(20), () -> deliveries(api).stream()
                .anyMatch(d -> d.getString("kind").equals(kind) && ref.equals(d.getString("subjectRef", null))));
        return deliveries(api).stream().filter(d -> d.getString("kind").equals(kind) && ref.equals(d.getString("subjectRef", null)))
                .map(d -> d.getString("id")).findFirst();
    }

    JsonObject awaitDelivered(Api api, Optional<String> delivery) throws Exception {
        return awaitDelivered(api, delivery.orElseThrow());
    }

    JsonObject awaitDelivered(Api api, String delivery) throws Exception {
        Eventually.until("delivered: " + delivery, Duration.ofSeconds(30), () -> {
            String status = outbox(api, delivery).getString("status");
            if (status.equals("FAILED") || status.equals("CANCELLED")) {
                throw new AssertionError(status + ": " + outbox(api, delivery) + " " + context.get());
            }
            return status.equals("DELIVERED");
        });
        return outbox(api, delivery);
    }
}
