package org.consentry.escalation.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.MessageBody;
import org.consentry.escalation.entity.PiiToken;
import org.consentry.redaction.control.Masks;
import org.consentry.redaction.control.PiiScanner;
import org.consentry.redaction.control.RedactionPolicy;
import org.consentry.redaction.control.Redactor;
import org.consentry.redaction.control.Transcript;
import org.consentry.redaction.entity.Operator;
import org.consentry.redaction.entity.PiiType;
import org.consentry.redaction.entity.RedactedText;
import org.consentry.redaction.entity.Replacement;

/**
 * Redacts what customers wrote before it is stored: every identifier the scanner finds becomes a
 * token (its original sealed in pii_token) shown as its mask. A message with more than
 * {@value #MAX_TOKENS} identifiers keeps the first ones as tokens and drops the rest to their type
 * label, so that hostile input cannot make a message's storage grow without bound.
 */
@Dependent
public class TranscriptSealing {

    static final int MAX_TOKENS = 100;
    private static final Redactor REDACTOR = new Redactor(PiiScanner.standard());
    private static final RedactionPolicy TOKENS = RedactionPolicy.everything(Operator.TOKENIZE);

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    Clock clock;

    /** The redaction of one batch of a conversation's messages: a value repeated in it gets one token. */
    public Conversation of(Escalation escalation) {
        return new Conversation(escalation);
    }

    public final class Conversation {

        private final Escalation escalation;
        private final Map<String, PiiToken> tokens = new HashMap<>();
        private final Transcript transcript;
        private int inMessage;

        private Conversation(Escalation escalation) {
            this.escalation = escalation;
            this.transcript = REDACTOR.newTranscript(TOKENS, this::tokenize);
        }

        public MessageBody redact(String text) {
            inMessage = 0;
            RedactedText redacted = transcript.redact(text);
            StringBuilder shown = new StringBuilder(redacted.text().length());
            List<MessageBody.Mask> masks = new ArrayList<>();
            int copied = 0;
            for (Replacement r : redacted.replacements()) {
                shown.append(redacted.text(), copied, r.start());
                PiiToken token = tokens.get(r.replacement());
                if (token == null) {
                    shown.append(r.replacement()); // beyond the cap: the bare type label
                } else {
                    int start = shown.length();
                    shown.append(Masks.mask(r.type(), r.original()));
                    masks.add(new MessageBody.Mask(token.id(), r.type(), start, shown.length()));
                }
                copied = r.end();
            }
            shown.append(redacted.text(), copied, redacted.text().length());
            return new MessageBody(shown.toString(), masks);
        }

        private String tokenize(PiiType type, String value) {
            if (++inMessage > MAX_TOKENS) {
                return "[" + type.name() + "]";
            }
            PiiToken token = new PiiToken(escalation, type, value, clock.instant());
            em.persist(token);
            tokens.put(token.id(), token);
            return token.id();
        }
    }
}
