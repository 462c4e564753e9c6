package org.consentry.escalation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much a conversation may carry (each from configuration): messages in a handoff, characters in a
 * message, messages in all. Over a limit the request ends with a problem that names it.
 */
@ApplicationScoped
public class HandoffLimits {

    public static final ProblemType TOO_MANY_MESSAGES = new ProblemType("too-many-messages", 413,
            "The conversation is too long");

    @Inject
    @ConfigProperty(name = "consentry.escalation.max-transcript-messages", defaultValue = "200")
    int maxTranscript;

    @Inject
    @ConfigProperty(name = "consentry.escalation.max-message-chars", defaultValue = "4000")
    int maxChars;

    @Inject
    @ConfigProperty(name = "consentry.escalation.max-messages", defaultValue = "1000")
    int maxMessages;

    public void transcript(int messages) {
        if (messages > maxTranscript) {
            throw new ProblemException(TOO_MANY_MESSAGES, "The transcript has " + messages + " messages; at most "
                    + maxTranscript + " are taken (consentry.escalation.max-transcript-messages).")
                    .with("field", "transcript").with("limit", maxTranscript);
        }
    }

    public void text(String field, String text) {
        if (text.length() > maxChars) {
            throw new ProblemException(Problems.VALIDATION, "Invalid value for: " + field + " (over " + maxChars
                    + " characters, consentry.escalation.max-message-chars)").with("field", field).with("limit", maxChars);
        }
    }

    public void another(int messagesSoFar) {
        if (messagesSoFar >= maxMessages) {
            throw new ProblemException(TOO_MANY_MESSAGES, "The conversation already has " + messagesSoFar
                    + " messages, the most it may hold (consentry.escalation.max-messages).").with("limit", maxMessages);
        }
    }
}
