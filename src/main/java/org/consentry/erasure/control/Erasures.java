package org.consentry.erasure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.control.SubjectRefs;
import org.consentry.audit.entity.Outcome;
import org.consentry.crypto.control.SubjectKeys;
import org.consentry.erasure.entity.ErasureRequest;
import org.consentry.erasure.entity.Receipt;
import org.consentry.platform.control.Caller;
import org.consentry.retention.control.LegalHolds;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The erasure of a data subject (GDPR Art. 17), in the caller's transactions. The local part is one
 * transaction: every component's rows of the subject ({@link SubjectData}), the notice to the CRM
 * queued in the outbox (Art. 19), the subject's data key destroyed (crypto-shredding: a copy of the
 * ciphertext, in a backup say, can no longer be opened), and the request turned into its tombstone.
 * It commits whole or not at all, and the request's row lock makes it run once however many servers
 * try. What is left is the CRM's acknowledgement, which the request waits for.
 */
@ApplicationScoped
public class Erasures {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    @Any
    Instance<SubjectData> parts;

    @Inject
    @Any
    Instance<Recipient> recipients;

    @Inject
    SubjectKeys keys;

    @Inject
    LegalHolds holds;

    @Inject
    AuditTrail audit;

    @Inject
    SubjectRefs refs;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    Event<Accepted> accepted;

    @Inject
    Event<ErasureCompleted> completed;

    @Inject
    @ConfigProperty(name = "consentry.erasure.deadline", defaultValue = "P1M")
    Period deadline;

    /** A request was stored; the worker starts it once the transaction commits. */
    public record Accepted(String requestId) {
    }

    /** A new request for the subject, or the one still open for it. Refused while a legal hold is live. */
    public ErasureRequest request(String subjectId) {
        holds.requireNotHeld(subjectId, "an erasure");
        Optional<ErasureRequest> open = em.createNamedQuery(ErasureRequest.OPEN_FOR, ErasureRequest.class)
                .setParameter("subjectId", subjectId).getResultStream().findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        ErasureRequest request = new ErasureRequest(subjectId, refs.of(subjectId), caller.name(), clock.instant(), deadline);
        em.persist(request);
        audit.record(new AuditEntry("erasure.request", null, subjectId, null, Outcome.DONE,
                "request " + request.id() + ", due by " + request.deadlineAt()));
        accepted.fire(new Accepted(request.id()));
        return request;
    }

    /**
     * The local erasure, if the request is still PENDING and the subject not under a legal hold (then
     * it waits). Returns whether it ran.
     */
    public boolean erase(String requestId) {
        ErasureRequest request = em.find(ErasureRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || request.status() != ErasureRequest.Status.PENDING) {
            return false;
        }
        String subjectId = request.subjectId();
        if (holds.live(subjectId).isPresent()) {
            return false;
        }
        Map<String, Integer> rows = new TreeMap<>();
        for (SubjectData part : parts) {
            part.erase(subjectId).forEach((table, n) -> rows.merge(table, n, Integer::sum));
        }
        List<Recipient> all = recipients();
        List<String> queued = new ArrayList<>();
        for (Recipient recipient : all) {
            recipient.erase(subjectId, requestId).ifPresent(d -> queued.add(recipient.name()));
        }
        // every recipient knows its notices by the request's id: one delivery reference for all of them
        Optional<String> delivery = queued.isEmpty() ? Optional.empty() : Optional.of(requestId);
        String crmNote = all.isEmpty() ? "no recipient" : queued.isEmpty()
                ? all.stream().map(Recipient::name).collect(Collectors.joining(", ")) + ": not configured, nothing sent"
                : "queued to " + String.join(", ", queued);
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String keyReceipt = keys.destroy(subjectId) ? "data key destroyed at " + now : "no data key existed";
        request.erased(now, rows.toString(), keyReceipt, delivery.orElse(null), crmNote);
        audit.record(new AuditEntry("erasure.erased", null, subjectId, null, Outcome.DONE, "request " + requestId
                + ": rows " + rows + "; " + keyReceipt + "; " + delivery.map(d -> "notices " + d + ", " + crmNote).orElse(crmNote)));
        return true;
    }

    /** Asks the CRM's delivery how it went; completes the request when it was delivered. */
    public void checkReceipt(String requestId) {
        ErasureRequest request = em.find(ErasureRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || request.status() != ErasureRequest.Status.AWAITING_CRM) {
            return;
        }
        List<Recipient> all = recipients();
        if (all.isEmpty()) {
            return;
        }
        Receipt receipt = Receipt.combined(receipts(request));
        request.crmAnswered(receipt, clock.instant());
        if (request.status() == ErasureRequest.Status.COMPLETED) {
            all.forEach(r -> r.forget(request.crmDeliveryId()));
            completed.fire(new ErasureCompleted(requestId, request.subjectRef()));
            audit.recordAs("erasure", new AuditEntry("erasure.completed", null, null, null, Outcome.DONE,
                    "request " + requestId + ", subject ref " + request.subjectRef() + ": " + request.crmReceipt()));
        }
    }

    /** An attempt failed and was rolled back: counted on the request (in a transaction of the caller's). */
    public void failed(String requestId, String what) {
        ErasureRequest request = em.find(ErasureRequest.class, requestId);
        if (request != null && request.status() == ErasureRequest.Status.PENDING) {
            request.failed(what);
        }
    }

    /** The receipt of each recipient told of the erasure, by recipient (none before the local erasure, or without recipients). */
    public Map<String, Receipt> receipts(ErasureRequest request) {
        if (request.crmDeliveryId() == null) {
            return Map.of();
        }
        Map<String, Receipt> each = new java.util.LinkedHashMap<>();
        recipients().forEach(r -> each.putAll(r.receipts(request.crmDeliveryId())));
        return each;
    }

    /** Everyone told of an erasure: the CRM recipients, the host applications (each a Recipient bean). */
    private List<Recipient> recipients() {
        return recipients.stream().sorted(java.util.Comparator.comparing(Recipient::name)).toList();
    }
}
