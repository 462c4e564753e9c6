package org.consentry.escalation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.EscalationStatus;

/**
 * The queue a page at a time, oldest first, with how many match in all and since when the oldest
 * waits. Paged by a cursor on (createdAt, id), the queue's own order: a chat that arrives joins the
 * end, a chat that is claimed leaves without shifting the rest, so no chat is skipped or shown twice
 * while an agent pages through a queue that changes under them.
 */
@ApplicationScoped
public class QueueListing {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    /**
     * Which escalations: a status, an agent's own (or anyone's when null), a language, and the keyed
     * hashes of words the reason must contain ({@link ReasonWords#query}; none: any reason).
     */
    public record Filter(EscalationStatus status, String agent, String language, List<String> reasonWords) {
    }

    /** One page, how many match in all, since when the oldest waits (null: none), and where the next page starts. */
    public record Page(List<Escalation> items, long total, Instant oldest, Cursor next) {
    }

    /** A position in the queue: after the escalation created at {@code createdAt} with the id {@code id}. */
    public record Cursor(Instant createdAt, String id) {

        private static final Pattern TEXT = Pattern.compile("(\\d{1,19}):([0-9a-f-]{36})");

        /** Opaque to clients: base64url of the position. */
        public String encode() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (createdAt.toEpochMilli() + ":" + id).getBytes(StandardCharsets.US_ASCII));
        }

        /** The position {@link #encode} wrote; IllegalArgumentException for anything else. */
        public static Cursor decode(String text) {
            var match = TEXT.matcher(new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII));
            if (!match.matches()) {
                throw new IllegalArgumentException("not a queue position");
            }
            return new Cursor(Instant.ofEpochMilli(Long.parseLong(match.group(1))), match.group(2));
        }
    }

    public Page page(Filter filter, Cursor after, int limit) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(filter, parameters);
        String position = after == null ? "" : " AND (e.createdAt > :at OR (e.createdAt = :at AND e.id > :id))";
        TypedQuery<Escalation> items = em.createQuery("SELECT e FROM Escalation e WHERE " + where + position
                + " ORDER BY e.createdAt, e.id", Escalation.class);
        parameters.forEach(items::setParameter);
        if (after != null) {
            items.setParameter("at", after.createdAt()).setParameter("id", after.id());
        }
        List<Escalation> found = items.setMaxResults(limit + 1).getResultList();
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM Escalation e WHERE " + where, Long.class);
        parameters.forEach(count::setParameter);
        List<Escalation> page = found.size() > limit ? found.subList(0, limit) : found;
        Escalation last = page.isEmpty() ? null : page.get(page.size() - 1);
        Cursor next = found.size() > limit ? new Cursor(last.createdAt(), last.id()) : null;
        return new Page(page, count.getSingleResult(), oldest(after == null ? page : null, where, parameters), next);
    }

    /** The first page starts with the oldest; a later page asks (the entity's own mapping reads the time). */
    private Instant oldest(List<Escalation> firstPage, String where, Map<String, Object> parameters) {
        if (firstPage != null) {
            return firstPage.isEmpty() ? null : firstPage.get(0).createdAt();
        }
        TypedQuery<Escalation> first = em.createQuery("SELECT e FROM Escalation e WHERE " + where
                + " ORDER BY e.createdAt, e.id", Escalation.class);
        parameters.forEach(first::setParameter);
        return first.setMaxResults(1).getResultStream().findFirst().map(Escalation::createdAt).orElse(null);
    }

    private static String where(Filter filter, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder("e.status = :status");
        parameters.put("status", filter.status());
        if (filter.agent() != null) {
            where.append(" AND e.agent = :agent");
            parameters.put("agent", filter.agent());
        }
        if (filter.language() != null) {
            where.append(" AND e.language = :language");
            parameters.put("language", filter.language());
        }
        // hashes are base64url: '_' is a LIKE wildcard, escaped; '%' and '!' never occur
        for (int i = 0; i < filter.reasonWords().size(); i++) {
            where.append(" AND e.reasonWords LIKE :word").append(i).append(" ESCAPE '!'");
            parameters.put("word" + i, "% " + filter.reasonWords().get(i).replace("_", "!_") + " %");
        }
        return where.toString();
    }
}
