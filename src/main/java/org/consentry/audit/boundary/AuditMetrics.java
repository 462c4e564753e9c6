package org.consentry.audit.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import org.consentry.audit.entity.AuditEvent;
import org.consentry.audit.entity.Outcome;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counters derived from what the audit trail records, in one place: an event counts once its
 * transaction commits (what rolled back did not happen), on the server that recorded it. Tags are the
 * audited action's purpose and outcome only, never a subject or a value.
 */
@ApplicationScoped
public class AuditMetrics {

    /** Audited actions counted as key operations, by the operation's name. */
    static final Map<String, String> KEY_OPERATIONS = Map.of(
            "key.rotation", "rotate",
            "key.rewrap", "rewrap",
            "key.retirement", "retire",
            "erasure.erased", "shred",
            "host.key-release", "release");

    /** Audited erasure steps: accepted, the subject's rows and key gone, the CRM recipients' acknowledgements in. */
    static final Map<String, String> ERASURE_EVENTS = Map.of(
            "erasure.request", "requested",
            "erasure.erased", "erased",
            "erasure.completed", "acknowledged");

    @Inject
    MetricRegistry registry;

    void counted(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditEvent event) {
        String action = event.action();
        Tag outcome = new Tag("outcome", event.outcome().name());
        registry.counter("consentry.audit.events", new Tag("action", action), outcome).inc();
        if (event.outcome() == Outcome.DENIED && ("consent.check".equals(action) || "crm.sync".equals(action)
                || "host.key-release".equals(action))) {
            registry.counter("consentry.consent.denials", new Tag("purpose", String.valueOf(event.purpose()))).inc();
        }
        if ("escalation.reveal".equals(action)) {
            registry.counter("consentry.reveals", outcome).inc();
        }
        String erasure = ERASURE_EVENTS.get(action);
        if (erasure != null) {
            registry.counter("consentry.erasures", new Tag("event", erasure)).inc();
        }
        String operation = KEY_OPERATIONS.get(action);
        if (operation != null) {
            registry.counter("consentry.key.operations", new Tag("operation", operation), outcome).inc();
        }
    }
}
