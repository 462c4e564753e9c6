package org.consentry.escalation.control;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.consentry.crypto.entity.Access;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationEvent;

/**
 * Who of the agents listening may read an event's reason: an admin, every agent while the escalation
 * waits, then only the agent who holds it, judged by the escalation as it is when the event is sent
 * (a replayed event of a chat claimed since tells other agents nothing). The stored event holds no
 * reason; it is opened here, once per event, audited with the names of those who receive it.
 */
@ApplicationScoped
public class EventAudience {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    EscalationReasons reasons;

    /** A listener: the user and whether they act as admin. */
    public record Recipient(String user, boolean admin) {
    }

    /** An event ready to send: its data for everyone, and with the reason for the readers named. */
    public record Outgoing(EscalationEvent event, String withReason, Set<Recipient> readers) {

        public String dataFor(Recipient r) {
            return withReason != null && readers.contains(r) ? withReason : event.data();
        }
    }

    public List<Outgoing> address(List<EscalationEvent> events, Collection<Recipient> recipients) {
        List<Outgoing> out = new ArrayList<>(events.size());
        for (EscalationEvent event : events) {
            Escalation e = em.find(Escalation.class, event.escalationId());
            Set<Recipient> readers = new HashSet<>();
            for (Recipient r : e == null ? List.<Recipient>of() : recipients) { // erased since: nothing to tell
                if (r.admin() || e.isOpenTo(r.user())) {
                    readers.add(r);
                }
            }
            String names = String.join(", ", new TreeSet<>(readers.stream().map(Recipient::user).toList()));
            String reason = readers.isEmpty() ? null
                    : reasons.shown(e, new Access("escalation.events", "support-handoff", "sent to " + names));
            out.add(new Outgoing(event, reason == null ? null : withReason(event.data(), reason), Set.copyOf(readers)));
        }
        return out;
    }

    private static String withReason(String data, String reason) {
        try (JsonReader reader = JSON.createReader(new StringReader(data))) {
            JsonObject event = reader.readObject();
            return JSON.createObjectBuilder(event).add("reason", reason).build().toString();
        }
    }
}
