package org.consentry.escalation.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.entity.Access;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.escalation.entity.MessageBody;
import org.consentry.escalation.entity.Sender;
import org.consentry.redaction.control.Masks;
import org.consentry.redaction.control.PiiScanner;
import org.consentry.redaction.control.RedactionPolicy;
import org.consentry.redaction.control.Redactor;
import org.consentry.redaction.entity.Operator;
import org.consentry.redaction.entity.PiiType;

/**
 * An escalation's transcript opened for reading: as its agent (or an admin) sees it, personal data
 * masked (customers' lines are stored redacted, agents' as written and masked here), and the agents'
 * replies as a bot without a callback collects them.
 */
@Dependent
public class TranscriptView {

    private static final Redactor MASKING = new Redactor(PiiScanner.standard());
    private static final RedactionPolicy MASK_ALL = RedactionPolicy.everything(Operator.MASK);

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    FieldSealer sealer;

    @Inject
    EscalationReasons reasons;

    @Inject
    OpenedMessages messages;

    /** One line of the transcript, its text as shown, with where its masked values are. */
    public record Line(String id, int seq, Sender sender, String author, Instant at, String text, List<MessageBody.Mask> masks) {
    }

    /** The customer's fields, masked. */
    public record Customer(String name, String email, String phone) {
    }

    /** The escalation opened: its customer masked, its reason (null when none) and its transcript. */
    public record Opened(Escalation escalation, Customer customer, MessageBody reason, List<Line> transcript) {
    }

    public Opened open(Escalation e) {
        Access access = Access.of("escalation.view", Claims.PURPOSE);
        Map<String, String> customer = sealer.open(e, access, "customerName", "customerEmail", "customerPhone");
        List<Line> transcript = new ArrayList<>();
        for (OpenedMessages.Opened opened : messages.of(e.id(), access)) {
            EscalationMessage m = opened.message();
            MessageBody body = opened.body();
            String text = m.sender() == Sender.AGENT ? MASKING.newTranscript(MASK_ALL, null).redact(body.text()).text() : body.text();
            transcript.add(new Line(m.id(), m.seq(), m.sender(), m.author(), m.sentAt(), text, body.masks()));
        }
        return new Opened(e, new Customer(NameMask.of(customer.get("customerName")), mask(PiiType.EMAIL, customer.get("customerEmail")),
                mask(PiiType.PHONE, customer.get("customerPhone"))), reasons.open(e, access), transcript);
    }

    /** The agents' replies after {@code after}, in clear (they go to the customer as written). */
    public List<Line> replies(String id, int after) {
        if (em.find(Escalation.class, id) == null) {
            throw Claims.notFound(id);
        }
        List<Line> out = new ArrayList<>();
        for (OpenedMessages.Opened opened : messages.of(id, Sender.AGENT, after, Access.of("escalation.relay", Claims.PURPOSE))) {
            EscalationMessage m = opened.message();
            out.add(new Line(m.id(), m.seq(), m.sender(), m.author(), m.sentAt(), opened.body().text(), List.of()));
        }
        return out;
    }

    private static String mask(PiiType type, String value) {
        return value == null ? null : Masks.mask(type, value);
    }
}
