package org.consentry.escalation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.crypto.entity.PersonalData;
import org.consentry.crypto.entity.Sealed;
import org.consentry.redaction.entity.PiiType;
import org.consentry.retention.entity.Retained;
import org.consentry.retention.entity.RetainedEntity;

/**
 * An identifier found in a customer's message (a card number, a PESEL, an e-mail address...), its
 * original sealed. The transcript shows its mask; an assigned agent reveals it with a reason.
 */
@Entity
@Table(name = "pii_token")
@Retained(category = "transcript")
public class PiiToken extends RetainedEntity implements DataSubject {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    @Column(length = 40)
    private String id;

    @Column(name = "escalation_id", nullable = false, length = 36)
    private String escalationId;

    @Column(name = "subject_id", nullable = false, length = 128)
    private String subjectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "pii_type", nullable = false, length = 8)
    private PiiType type;

    @PersonalData(category = "transcript")
    @Column(nullable = false)
    private Sealed original;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PiiToken() {
    }

    public PiiToken(Escalation escalation, PiiType type, String value, Instant now) {
        byte[] random = new byte[15];
        RANDOM.nextBytes(random);
        this.id = "pii_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        this.escalationId = escalation.id();
        this.subjectId = escalation.subjectId();
        this.type = type;
        this.original = Sealed.of(value);
        this.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    public String id() {
        return id;
    }

    public String escalationId() {
        return escalationId;
    }

    @Override
    public String subjectId() {
        return subjectId;
    }

    public PiiType type() {
        return type;
    }

    @Override
    public Instant retentionClockStart() {
        return createdAt;
    }
}
