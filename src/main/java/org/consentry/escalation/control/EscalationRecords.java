package org.consentry.escalation.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.entity.Access;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.escalation.entity.Sender;

/**
 * What the components above may read of an escalation (the CRM's case record), opened under their
 * access: the published read, so that none of them reads escalation's entities. Customers' lines are
 * as stored (redacted), agents' as written; the reason as shown to agents.
 */
@Dependent
public class EscalationRecords {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    FieldSealer sealer;

    @Inject
    EscalationReasons reasons;

    @Inject
    OpenedMessages messages;

    /** One line of the transcript: who wrote it (CUSTOMER, BOT, AGENT), when, and its text. */
    public record Line(String from, Instant at, String text) {

        public boolean fromAgent() {
            return Sender.AGENT.name().equals(from);
        }
    }

    /** An escalation with its customer's fields, its reason as shown and its transcript, all opened. */
    public record Case(String id, String subjectId, String conversationId, String language, String agent, String reason,
                       Instant createdAt, Instant resolvedAt, String customerName, String customerEmail,
                       String customerPhone, List<Line> transcript) {
    }

    /** The escalation, every sealed part opened (each opening audited under {@code access}); empty when it is gone. */
    public Optional<Case> of(String escalationId, Access access) {
        Escalation e = em.find(Escalation.class, escalationId);
        if (e == null) {
            return Optional.empty();
        }
        Map<String, String> fields = sealer.open(e, access, "customerName", "customerEmail", "customerPhone");
        List<Line> transcript = new ArrayList<>();
        for (OpenedMessages.Opened opened : messages.of(e.id(), access)) {
            EscalationMessage m = opened.message();
            transcript.add(new Line(m.sender().name(), m.sentAt(), opened.body().text()));
        }
        return Optional.of(new Case(e.id(), e.subjectId(), e.conversationId(), e.language(), e.agent(), reasons.shown(e, access),
                e.createdAt(), e.resolvedAt(), fields.get("customerName"), fields.get("customerEmail"),
                fields.get("customerPhone"), transcript));
    }
}
