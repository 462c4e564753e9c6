package org.consentry.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Who did what to which subject, when, and how it ended. The subject appears only as a keyed hash of
 * its id ({@code subjectRef}); no field ever holds personal data. Rows are never updated except to be
 * linked into the chain once ({@link #link}).
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    private static final char SEPARATOR = '\u001f';

    @Id
    @SequenceGenerator(name = "audit_event_ids", sequenceName = "audit_event_ids", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_ids")
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false, length = 128)
    private String actor;

    @Column(name = "actor_role", nullable = false, length = 32)
    private String actorRole;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(length = 64)
    private String purpose;

    @Column(name = "subject_ref", length = 64)
    private String subjectRef;

    @Column(length = 64)
    private String field;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Outcome outcome;

    @Column(length = 1000)
    private String detail;

    @Column(name = "chain_seq")
    private Long chainSeq;

    @Column(name = "prev_hash", length = 64)
    private String prevHash;

    @Column(length = 64)
    private String hash;

    @Column(name = "key_version")
    private Integer keyVersion;

    protected AuditEvent() {
    }

    public AuditEvent(Instant occurredAt, String actor, String actorRole, String action, String purpose,
                      String subjectRef, String field, Outcome outcome, String detail) {
        this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
        this.actor = bounded(actor, 128);
        this.actorRole = bounded(actorRole, 32);
        this.action = bounded(action, 64);
        this.purpose = bounded(purpose, 64);
        this.subjectRef = subjectRef;
        this.field = bounded(field, 64);
        this.outcome = outcome;
        this.detail = bounded(detail, 1000);
    }

    /** Links the event into the chain with the hash that audit key {@code version} made: set once by the chainer. */
    public void link(long seq, String previous, String ownHash, int version) {
        if (chainSeq != null) {
            throw new IllegalStateException("audit event " + id + " is already chained");
        }
        chainSeq = seq;
        prevHash = previous;
        hash = ownHash;
        keyVersion = version;
    }

    /** The bytes the chain's HMAC covers: every recorded member, the position and the previous hash. */
    public byte[] canonical(long seq, String previous) {
        String text = String.join(String.valueOf(SEPARATOR), String.valueOf(seq), String.valueOf(id),
                occurredAt.toString(), actor, actorRole, action, nullable(purpose), nullable(subjectRef),
                nullable(field), outcome.name(), nullable(detail), previous);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String nullable(String value) {
        return value == null ? "\u2205" : value;
    }

    private static String bounded(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String actorRole() {
        return actorRole;
    }

    public String action() {
        return action;
    }

    public String purpose() {
        return purpose;
    }

    public String subjectRef() {
        return subjectRef;
    }

    public String field() {
        return field;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }

    public Long chainSeq() {
        return chainSeq;
    }

    public String prevHash() {
        return prevHash;
    }

    public String hash() {
        return hash;
    }

    /** The version of the audit key that made the hash; null while unlinked. */
    public Integer keyVersion() {
        return keyVersion;
    }
}
