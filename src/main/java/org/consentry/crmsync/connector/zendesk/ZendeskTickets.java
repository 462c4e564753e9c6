package org.consentry.crmsync.connector.zendesk;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.consentry.crmsync.entity.CrmRecord;

/**
 * A resolved case as a solved Zendesk ticket: requester = the subject's user, external_id = the
 * escalation id, the redacted case as its first comment, an internal note (public=false: the
 * requester is not mailed). Zendesk does not keep ticket external ids unique, so an earlier attempt's
 * ticket is looked up by external_id before one is created.
 */
final class ZendeskTickets {

    static final String TICKETS = "/tickets";
    static final String TAG = "consentry";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ZendeskTickets() {
    }

    /** Whether this call created the ticket (false: an earlier attempt had). */
    static boolean sync(ZendeskApi api, CrmRecord record, String assigneeEmail) {
        long requester = ZendeskUsers.upsert(api, record);
        CrmRecord.CrmCase crmCase = record.crmCase();
        boolean exists = !api.get(TICKETS + "?external_id=" + ZendeskApi.query(crmCase.escalationId()), TICKETS)
                .getJsonArray("tickets").isEmpty();
        if (exists) {
            return false;
        }
        JsonObject ticket = JSON.createObjectBuilder()
                .add("subject", subject(crmCase))
                .add("comment", JSON.createObjectBuilder().add("body", body(crmCase)).add("public", false))
                .add("requester_id", requester)
                .add("external_id", crmCase.escalationId())
                .add("status", "solved")
                .add("assignee_email", assigneeEmail) // Zendesk solves only assigned tickets
                .add("tags", JSON.createArrayBuilder().add(TAG))
                .build();
        api.post(TICKETS, TICKETS, JSON.createObjectBuilder().add("ticket", ticket).build());
        return true;
    }

    static String subject(CrmRecord.CrmCase c) {
        return "Chat escalated from the bot" + (c.reason() == null ? "" : ": " + c.reason());
    }

    /** The case as plain text: what happened when, then the redacted transcript, a line per message. */
    static String body(CrmRecord.CrmCase c) {
        StringBuilder text = new StringBuilder()
                .append("Consentry escalation ").append(c.escalationId()).append('\n')
                .append("Conversation: ").append(c.conversationId()).append(", language: ").append(c.language()).append('\n')
                .append("Opened: ").append(TIME.format(c.openedAt())).append(", resolved: ").append(TIME.format(c.resolvedAt()));
        if (c.agent() != null) {
            text.append(", by ").append(c.agent());
        }
        text.append('\n');
        if (c.transcript().isEmpty()) {
            text.append("\n(The transcript is not shared with this helpdesk.)\n");
        } else {
            text.append("\nTranscript (redacted):\n");
            c.transcript().forEach(line -> text.append('[').append(TIME.format(line.at())).append("] ")
                    .append(line.from()).append(": ").append(line.text()).append('\n'));
        }
        return text.toString();
    }
}
