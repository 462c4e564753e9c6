package org.consentry.escalation.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.entity.Access;
import org.consentry.escalation.entity.EscalationMessage;
import org.consentry.escalation.entity.MessageBody;
import org.consentry.escalation.entity.Sender;

/** An escalation's messages in their order, each body opened under the reader's access (each opening audited). */
@Dependent
public class OpenedMessages {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    FieldSealer sealer;

    /** A message and its body in clear. */
    public record Opened(EscalationMessage message, MessageBody body) {
    }

    /** Every message of the escalation. */
    public List<Opened> of(String escalationId, Access access) {
        return opened(em.createNamedQuery(EscalationMessage.OF, EscalationMessage.class)
                .setParameter("escalationId", escalationId).setParameter("after", 0).getResultList(), access);
    }

    /** The messages of one sender after position {@code after}. */
    public List<Opened> of(String escalationId, Sender sender, int after, Access access) {
        return opened(em.createNamedQuery(EscalationMessage.OF_SENDER, EscalationMessage.class)
                .setParameter("escalationId", escalationId).setParameter("sender", sender).setParameter("after", after)
                .getResultList(), access);
    }

    private List<Opened> opened(List<EscalationMessage> messages, Access access) {
        List<String> bodies = sealer.openEach(messages, "body", access);
        List<Opened> opened = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            opened.add(new Opened(messages.get(i), MessageBody.fromJson(bodies.get(i))));
        }
        return opened;
    }
}
