package org.consentry.escalation.entity;

import jakarta.persistence.Column;
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
import org.consentry.retention.entity.RetainedEntity;

/**
 * One message of an escalated conversation. Its body is sealed JSON ({@link MessageBody}): a customer's
 * or bot's text redacted, each identifier replaced by its mask with a pointer to the token that holds
 * the original; an agent's reply as written, since it is delivered so.
 */
@Entity
@Table(name = "escalation_message")
@Retained(category = "transcript")
@NamedQuery(name = EscalationMessage.OF, query = "SELECT m FROM EscalationMessage m WHERE m.escalationId = :escalationId"
        + " AND m.seq > :after ORDER BY m.seq")
@NamedQuery(name = EscalationMessage.OF_SENDER, query = "SELECT m FROM EscalationMessage m"
        + " WHERE m.escalationId = :escalationId AND m.sender = :sender AND m.seq > :after ORDER BY m.seq")
public class EscalationMessage extends RetainedEntity implements DataSubject {

    public static final String OF = "EscalationMessage.of";
    public static final String OF_SENDER = "EscalationMessage.ofSender";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "escalation_id", nullable = false, length = 36)
    private String escalationId;

    @Column(nullable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Sender sender;

    @Column(length = 128)
    private String author;

    @Column(name = "subject_id", nullable = false, length = 128)
    private String subjectId;

    @Column(name = "sent_at", nullable = false)
    private Instant sentAt;

    @PersonalData(category = "transcript")
    @Column(name = "body", nullable = false)
    private Sealed body;

    protected EscalationMessage() {
    }

    public EscalationMessage(Escalation escalation, Sender sender, String author, Instant sentAt, String bodyJson) {
        this.id = UUID.randomUUID().toString();
        this.escalationId = escalation.id();
        this.seq = escalation.nextSeq();
        this.sender = sender;
        this.author = author;
        this.subjectId = escalation.subjectId();
        this.sentAt = sentAt.truncatedTo(ChronoUnit.MILLIS);
        this.body = Sealed.of(bodyJson);
    }

    public String id() {
        return id;
    }

    public String escalationId() {
        return escalationId;
    }

    public int seq() {
        return seq;
    }

    public Sender sender() {
        return sender;
    }

    public String author() {
        return author;
    }

    @Override
    public String subjectId() {
        return subjectId;
    }

    public Instant sentAt() {
        return sentAt;
    }

    @Override
    public Instant retentionClockStart() {
        return sentAt;
    }
}
