package org.consentry.retention.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A legal hold on a data subject (a dispute, a claim: GDPR Art. 17(3)(e)): while it is live no sweep
 * touches the subject's rows and no erasure runs. Released holds stay as the record of the hold.
 * At most one live hold per subject: live is 'Y' or NULL under a unique constraint.
 */
@Entity
@Table(name = "legal_hold")
@NamedQuery(name = LegalHold.LIVE, query = "SELECT h FROM LegalHold h WHERE h.subjectId = :subjectId AND h.live = 'Y'")
@NamedQuery(name = LegalHold.OF, query = "SELECT h FROM LegalHold h WHERE h.subjectId = :subjectId ORDER BY h.heldAt DESC")
public class LegalHold {

    public static final String LIVE = "LegalHold.live";
    public static final String OF = "LegalHold.of";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "subject_id", nullable = false, length = 128)
    private String subjectId;

    @Column(length = 1)
    private String live;

    @Column(nullable = false, length = 300)
    private String reason;

    @Column(name = "held_at", nullable = false)
    private Instant heldAt;

    @Column(name = "held_by", nullable = false, length = 128)
    private String heldBy;

    @Column(name = "released_at")
    private Instant releasedAt;

    @Column(name = "released_by", length = 128)
    private String releasedBy;

    protected LegalHold() {
    }

    public LegalHold(String subjectId, String reason, String by, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.subjectId = subjectId;
        this.live = "Y";
        this.reason = reason;
        this.heldBy = by;
        this.heldAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    public void release(String by, Instant at) {
        this.live = null;
        this.releasedBy = by;
        this.releasedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    public String id() {
        return id;
    }

    public String subjectId() {
        return subjectId;
    }

    public boolean isLive() {
        return "Y".equals(live);
    }

    public String reason() {
        return reason;
    }

    public Instant heldAt() {
        return heldAt;
    }

    public String heldBy() {
        return heldBy;
    }

    public Instant releasedAt() {
        return releasedAt;
    }

    public String releasedBy() {
        return releasedBy;
    }
}
