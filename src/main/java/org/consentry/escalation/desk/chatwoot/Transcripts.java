package org.consentry.escalation.desk.chatwoot;

import org.consentry.escalation.entity.Sender;

/**
 * The text of the private note that opens an escalation's Chatwoot conversation: the reason and transcript
 * as masked as the agent sees them in Consentry, and the link to reveal a value there (with a reason,
 * audited). Only the masked text is ever written into Chatwoot.
 */
final class Transcripts {

    /** Chatwoot refuses a message over 150,000 characters (Message validates content length). */
    static final int MAX_CHARS = 100_000;

    private Transcripts() {
    }

    static String who(Sender sender) {
        return switch (sender) {
            case CUSTOMER -> "Customer";
            case BOT -> "Bot";
            case AGENT -> "Agent";
        };
    }

    static String note(DeskRecords.Masked masked, String revealLink) {
        String footer = "\n\nIdentifiers are masked. To see one, open the escalation in Consentry and give a reason"
                + " (audited): " + revealLink;
        StringBuilder text = new StringBuilder("Consentry handoff, escalation ").append(masked.escalationId())
                .append(" (masked transcript)");
        if (masked.reason() != null) {
            text.append("\nReason: ").append(masked.reason());
        }
        text.append('\n');
        for (String line : masked.lines()) {
            if (text.length() + line.length() + footer.length() + 64 > MAX_CHARS) {
                text.append("\n[shortened: read the whole transcript in Consentry]");
                break;
            }
            text.append('\n').append(line);
        }
        return text.append(footer).toString();
    }

    /** A later customer message, cut to what Chatwoot takes. */
    static String message(String masked) {
        return masked.length() <= MAX_CHARS ? masked : masked.substring(0, MAX_CHARS) + " [shortened]";
    }
}
