package org.consentry.escalation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.consentry.audit.control.ReasonText;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.entity.Access;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.MessageBody;

/**
 * The bot's reason for a handoff, kept as a transcript line is: identifiers tokenised and shown masked,
 * the body sealed under the subject's data key (erasing the subject shreds it), every opening audited;
 * beside it the blind index of its shown words for the queue's filter.
 */
@ApplicationScoped
public class EscalationReasons {

    static final String FIELD = "reason";

    @Inject
    FieldSealer sealer;

    @Inject
    ReasonWords words;

    @Inject
    ReasonText text;

    /** Seals the reason of a stored escalation, its identifiers tokenised in the conversation's redaction. */
    public void seal(Escalation escalation, TranscriptSealing.Conversation conversation, String reason) {
        MessageBody body = conversation.redact(text.line(reason));
        sealer.replace(escalation, FIELD, body.toJson());
        escalation.reasonIndexed(words.index(body.text()));
    }

    /**
     * The reason as an agent sees it (masked, with the tokens of its masks), recorded with the access;
     * a reason kept in clear before V10 and not sealed yet as it is; null when there is none (anonymised).
     */
    public MessageBody open(Escalation escalation, Access access) {
        if (sealer.holds(escalation, FIELD)) {
            return MessageBody.fromJson(sealer.open(escalation, FIELD, access));
        }
        return escalation.legacyReason() == null ? null : new MessageBody(escalation.legacyReason(), List.of());
    }

    /** Only the text an agent is shown, or null. */
    public String shown(Escalation escalation, Access access) {
        MessageBody body = open(escalation, access);
        return body == null ? null : body.text();
    }
}
