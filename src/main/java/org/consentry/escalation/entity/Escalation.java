package org.consentry.escalation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.crypto.entity.PersonalData;
import org.consentry.crypto.entity.Sealed;
import org.consentry.retention.entity.Retained;

/**
 * A chat the bot handed to humans. The customer's contact fields are sealed under the subject's key, and
 * so is the reason, redacted like a transcript line ({@link MessageBody}); {@code reasonWords} holds
 * keyed hashes of the words an agent is shown, for the queue's filter. {@code legacyReason} is where a
 * reason was kept in clear before V10: the start-up pass seals each and clears it. Its status, agent and
 * times are its {@link EscalationCourse}.
 */
@Entity
@Table(name = "escalation")
@Retained(category = "activity",
        dependents = {"escalation_message.escalation_id", "pii_token.escalation_id", "escalation_event.escalation_id"},
        anonymized = {"subject_id = '~anonymized'", "conversation_id = id", "callback_url = NULL",
                "customer_name = NULL", "customer_email = NULL", "customer_phone = NULL",
                "reason = NULL", "reason_sealed = NULL", "reason_words = NULL"})
@NamedQuery(name = Escalation.BY_CONVERSATION, query = "SELECT e FROM Escalation e WHERE e.conversationId = :conversationId")
@NamedQuery(name = Escalation.HANDED_OFF_BY, query = "SELECT COUNT(e) FROM Escalation e WHERE e.subjectId = :subjectId"
        + " AND e.handedOffBy = :bot")
@NamedQuery(name = Escalation.QUEUE, query = "SELECT e FROM Escalation e WHERE e.status = :status ORDER BY e.createdAt, e.id")
public class Escalation extends EscalationCourse implements DataSubject {

    public static final String BY_CONVERSATION = "Escalation.byConversation";
    public static final String QUEUE = "Escalation.queue";
    /** The width of reason_words (V10). */
    public static final int REASON_WORDS = 1300;
    public static final String HANDED_OFF_BY = "Escalation.handedOffBy";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "conversation_id", nullable = false, length = 128)
    private String conversationId;

    @Column(name = "subject_id", nullable = false, length = 128)
    private String subjectId;

    /**
     * The bot client that handed the conversation over and owns it ({@code ~unowned} for escalations stored
     * before V14: no bot's).
     */
    @Column(name = "handed_off_by", length = 128, nullable = false)
    private String handedOffBy;

    @Column(nullable = false, length = 2)
    private String language;

    @PersonalData(category = "transcript")
    @Column(name = "reason_sealed")
    private Sealed reason;

    @Column(name = "reason_words", length = REASON_WORDS)
    private String reasonWords;

    @Column(name = "reason", length = 300)
    private String legacyReason;

    @Column(name = "callback_url", length = 2048)
    private String callbackUrl;

    @PersonalData(category = "contact")
    @Column(name = "customer_name")
    private Sealed customerName;

    @PersonalData(category = "contact")
    @Column(name = "customer_email")
    private Sealed customerEmail;

    @PersonalData(category = "contact")
    @Column(name = "customer_phone")
    private Sealed customerPhone;

    @Column(name = "message_count", nullable = false)
    private int messageCount;

    @Enumerated(EnumType.STRING)
    @Column(name = "ai_disclosure", length = 12)
    private AiDisclosure aiDisclosure;

    @Embedded
    private PlatformLink link = new PlatformLink();

    /** What the chat is about, as the bot named it (V24): a skill a team may take. */
    @Column(length = 64)
    private String topic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Priority priority = Priority.NORMAL;

    /** The team it was routed to (V24); null: offered to every agent. */
    @Column(name = "team_id", length = 64)
    private String teamId;

    /** When an agent first wrote to the customer (V24), for the first-response SLA. */
    @Column(name = "first_response_at")
    private Instant firstResponseAt;

    protected Escalation() {
    }

    /** A new escalation; its reason is sealed once the row exists, since its tokens refer to the row. */
    public Escalation(String conversationId, String subjectId, String handedOffBy, String language, String callbackUrl,
                      String name, String email, String phone, AiDisclosure aiDisclosure, Instant now) {
        super(now);
        this.id = UUID.randomUUID().toString();
        this.conversationId = conversationId;
        this.subjectId = subjectId;
        this.handedOffBy = handedOffBy;
        this.language = language;
        this.callbackUrl = callbackUrl;
        this.customerName = Sealed.of(name);
        this.customerEmail = Sealed.of(email);
        this.customerPhone = Sealed.of(phone);
        this.aiDisclosure = aiDisclosure;
    }

    /** Handed over by a bot platform's adapter: replies and status go back through it, to {@code route}. */
    public void connect(String platform, String route) {
        this.link = new PlatformLink(platform, route);
    }

    /** Who handed it over, and the way back to its conversation. */
    public PlatformLink link() {
        return link;
    }

    /** The next message's position in the conversation. */
    public int nextSeq() {
        return ++messageCount;
    }

    public String id() {
        return id;
    }

    public String conversationId() {
        return conversationId;
    }

    @Override
    public String subjectId() {
        return subjectId;
    }

    public String handedOffBy() {
        return handedOffBy;
    }

    public String language() {
        return language;
    }

    /** A reason kept in clear before V10 and not sealed yet (null once sealed). */
    public String legacyReason() {
        return legacyReason;
    }

    /** The keyed hashes of the reason's words, set with the sealed reason; the clear legacy copy goes. */
    public void reasonIndexed(String words) {
        this.reasonWords = words;
        this.legacyReason = null;
    }

    public String callbackUrl() {
        return callbackUrl;
    }

    public int messageCount() {
        return messageCount;
    }

    public AiDisclosure aiDisclosure() {
        return aiDisclosure;
    }

    /** Sets what the handoff said the chat is about and how urgent it is. */
    public void classify(String topic, Priority priority) {
        this.topic = topic;
        this.priority = priority == null ? Priority.NORMAL : priority;
    }

    /** Routes it to a team (null: every agent's). */
    public void route(String teamId) {
        this.teamId = teamId;
    }

    public void prioritise(Priority priority) {
        this.priority = priority;
    }

    /** The first agent reply; later ones leave the time as it is. */
    public void firstResponse(Instant at) {
        if (firstResponseAt == null) {
            this.firstResponseAt = at.truncatedTo(ChronoUnit.MILLIS);
        }
    }

    public String topic() {
        return topic;
    }

    public Priority priority() {
        return priority;
    }

    public String teamId() {
        return teamId;
    }

    public Instant firstResponseAt() {
        return firstResponseAt;
    }
}
