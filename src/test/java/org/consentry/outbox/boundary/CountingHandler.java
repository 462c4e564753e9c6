package org.consentry.outbox.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.consentry.outbox.control.DeliveryHandler;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.entity.OutboxEntry;

/** A receiver inside the test: counts how often each entry is delivered. */
@ApplicationScoped
public class CountingHandler implements DeliveryHandler {

    public static final String KIND = "test.count";
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();

    public int deliveriesOf(String entryId) {
        AtomicInteger count = deliveries.get(entryId);
        return count == null ? 0 : count.get();
    }

    @Override
    public boolean handles(String kind) {
        return KIND.equals(kind);
    }

    @Override
    public DeliveryResult deliver(OutboxEntry entry) {
        deliveries.computeIfAbsent(entry.id(), k -> new AtomicInteger()).incrementAndGet();
        return new DeliveryResult.Delivered("counted");
    }
}
