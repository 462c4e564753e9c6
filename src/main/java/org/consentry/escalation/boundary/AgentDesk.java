package org.consentry.escalation.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.entity.Access;
import org.consentry.escalation.control.EscalationReasons;
import org.consentry.escalation.control.NameMask;
import org.consentry.escalation.control.RevealLimit;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.escalation.entity.EscalationStatus;
import org.consentry.escalation.entity.MessageBody;
import org.consentry.escalation.entity.PiiToken;
import org.consentry.escalation.entity.Sender;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.Problems;
import org.consentry.redaction.control.Masks;
import org.consentry.redaction.control.PiiScanner;
import org.consentry.redaction.control.RedactionPolicy;
import org.consentry.redaction.control.Redactor;
import org.consentry.redaction.entity.Operator;
import org.consentry.redaction.entity.PiiType;

/**
 * The agents' side. Object-level authorisation: an escalation exists for an agent only while it waits
 * in the queue or is assigned to that agent; anything else answers 404, the same on every path, so that
 * no agent learns of another's conversations. Admins may read any escalation, never reveal or reply.
 */
@ApplicationScoped
@Transactional
public class AgentDesk {

    public static final ProblemType TAKEN = new ProblemType("already-claimed", 409, "Another agent has it");
    public static final String PURPOSE = "support-handoff";
    public static final String CALLBACK_KIND = "callback.agent-message";
    private static final Redactor MASKING = new Redactor(PiiScanner.standard());
    private static final RedactionPolicy MASK_ALL;

    static {
        Map<PiiType, Operator> all = new EnumMap<>(PiiType.class);
        for (PiiType type : PiiType.values()) {
            all.put(type, Operator.MASK);
        }
        MASK_ALL = RedactionPolicy.of(all);
    }

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    FieldSealer sealer;

    @Inject
    RevealLimit revealLimit;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    EscalationReasons reasons;

    @Inject
    AgentTurns turns;

    /** Exactly one agent wins ({@link AgentTurns#claim}). */
    public Views.Claimed claim(String id) {
        return turns.claim(id, caller.name());
    }

    public Views.Detail view(String id) {
        Escalation e = readable(id, caller.isInRole("admin"));
        Access access = Access.of("escalation.view", PURPOSE);
        Map<String, String> customer = sealer.open(e, access, "customerName", "customerEmail", "customerPhone");
        List<EscalationMessage> messages = messages(e.id(), null);
        List<String> bodies = sealer.openEach(messages, "body", access);
        List<Views.Message> transcript = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            EscalationMessage m = messages.get(i);
            MessageBody body = MessageBody.fromJson(bodies.get(i));
            String text = m.sender() == Sender.AGENT ? MASKING.newTranscript(MASK_ALL, null).redact(body.text()).text() : body.text();
            transcript.add(new Views.Message(m.id(), m.seq(), m.sender().name(), m.author(), m.sentAt(), text, masks(body)));
        }
        MessageBody reason = reasons.open(e, access);
        return new Views.Detail(e.id(), e.conversationId(), e.status().name(), e.language(),
                reason == null ? null : reason.text(), reason == null ? List.of() : masks(reason), e.agent(),
                e.createdAt(), e.claimedAt(), e.resolvedAt(), e.status() == EscalationStatus.ASSIGNED,
                e.aiDisclosure() == null ? "NOT_RECORDED" : e.aiDisclosure().name(), e.humanJoinedAt(),
                new Views.Customer(NameMask.of(customer.get("customerName")), mask(PiiType.EMAIL, customer.get("customerEmail")),
                        mask(PiiType.PHONE, customer.get("customerPhone"))),
                transcript);
    }

    /**
     * One value in clear, for the assigned agent, with a reason; rate-limited and audited. A value the
     * customer never gave is not found before the limit is asked: nothing opened, nothing counted.
     */
    public Views.Revealed reveal(String id, RevealRequest request) {
        Escalation e = held(id);
        String column = switch (request.field()) {
            case "customer.name" -> "customerName";
            case "customer.email" -> "customerEmail";
            case "customer.phone" -> "customerPhone";
            default -> null;
        };
        PiiToken token = column == null ? em.find(PiiToken.class, request.field()) : null;
        if (column != null ? !sealer.holds(e, column) : token == null || !token.escalationId().equals(id)) {
            throw noValue(id, request.field());
        }
        ProblemException tooMany = revealLimit.take(caller.name());
        if (tooMany != null) {
            audit.recordIndependently(new AuditEntry(RevealLimit.ACTION, PURPOSE, e.subjectId(), request.field(),
                    Outcome.DENIED, "reveal limit reached; escalation " + id));
            throw tooMany;
        }
        Access access = new Access(RevealLimit.ACTION, PURPOSE, request.reason());
        String value = column != null ? sealer.open(e, column, access) : sealer.open(token, "original", access);
        return new Views.Revealed(request.field(), value);
    }

    /** The assigned agent writes to the customer ({@link AgentTurns#reply}). */
    public Views.AgentMessage reply(String id, String text) {
        return turns.reply(id, caller.name(), text);
    }

    /** Ends the agent's part ({@link AgentTurns#resolve}). */
    public Views.Claimed resolve(String id) {
        return turns.resolve(id, caller.name());
    }

    /** The agents' replies after {@code after}, for a bot without a callback. */
    public List<Views.Relay> relay(String id, int after) {
        Escalation e = em.find(Escalation.class, id);
        if (e == null) {
            throw notFound(id);
        }
        List<EscalationMessage> replies = messages(id, Sender.AGENT, after);
        List<String> bodies = sealer.openEach(replies, "body", Access.of("escalation.relay", PURPOSE));
        List<Views.Relay> out = new ArrayList<>(replies.size());
        for (int i = 0; i < replies.size(); i++) {
            EscalationMessage m = replies.get(i);
            out.add(new Views.Relay(m.id(), m.seq(), m.author(), MessageBody.fromJson(bodies.get(i)).text(), m.sentAt()));
        }
        return out;
    }

    private List<EscalationMessage> messages(String escalationId, Sender only) {
        return only == null ? em.createNamedQuery(EscalationMessage.OF, EscalationMessage.class)
                .setParameter("escalationId", escalationId).setParameter("after", 0).getResultList()
                : messages(escalationId, only, 0);
    }

    private List<EscalationMessage> messages(String escalationId, Sender only, int after) {
        return em.createNamedQuery(EscalationMessage.OF_SENDER, EscalationMessage.class)
                .setParameter("escalationId", escalationId).setParameter("sender", only).setParameter("after", after)
                .getResultList();
    }

    /** The escalation, if the caller may read it: its assigned agent, or an admin. */
    private Escalation readable(String id, boolean admin) {
        Escalation e = em.find(Escalation.class, id);
        if (e == null || !(admin || e.isHeldBy(caller.name()))) {
            throw notFound(id);
        }
        return e;
    }

    private static ProblemException noValue(String id, String field) {
        return new ProblemException(Problems.NOT_FOUND, "No value " + field + " in escalation " + id + ".")
                .with("field", "field");
    }

    /** The escalation, if the caller is its assigned agent (admins neither reveal nor reply). */
    private Escalation held(String id) {
        Escalation e = em.find(Escalation.class, id);
        if (e == null || !e.isHeldBy(caller.name())) {
            throw notFound(id);
        }
        return e;
    }

    private static ProblemException notFound(String id) {
        return new ProblemException(Problems.NOT_FOUND, "No escalation " + id + " for you.");
    }

    private static List<Views.Mask> masks(MessageBody body) {
        return body.masks().stream().map(k -> new Views.Mask(k.token(), k.type().name(), k.start(), k.end())).toList();
    }

    private static String mask(PiiType type, String value) {
        return value == null ? null : Masks.mask(type, value);
    }
}
