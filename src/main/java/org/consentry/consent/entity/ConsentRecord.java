package org.consentry.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import org.consentry.retention.entity.Retained;
import org.consentry.retention.entity.RetainedEntity;

/**
 * One grant of consent and what became of it (GDPR Art. 7(1): the controller can show that, when and
 * under which notice the subject consented; Art. 7(3): withdrawal ends it, the record stays).
 * At most one record per subject and purpose is live; the database enforces it with a unique
 * constraint on (subject, purpose, live) where {@code live} is 'Y' or NULL.
 */
@Entity
@Table(name = "consent_record")
@Retained(category = "activity", anonymized = {"subject_id = '~anonymized'", "evidence = 'anonymized'"})
@NamedQuery(name = ConsentRecord.LIVE, query = "SELECT r FROM ConsentRecord r"
        + " WHERE r.subjectId = :subjectId AND r.purpose = :purpose AND r.live = 'Y'")
@NamedQuery(name = ConsentRecord.HISTORY, query = "SELECT r FROM ConsentRecord r"
        + " WHERE r.subjectId = :subjectId ORDER BY r.grantedAt, r.id")
public class ConsentRecord extends RetainedEntity {

    public static final String LIVE = "ConsentRecord.live";
    public static final String HISTORY = "ConsentRecord.history";
    private static final String LIVE_MARK = "Y";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subject_id", nullable = false, length = 128)
    private String subjectId;

    @Column(nullable = false, length = 64)
    private String purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ConsentStatus status;

    @Column(length = 1)
    private String live;

    @Column(name = "notice_version", nullable = false, length = 64)
    private String noticeVersion;

    @Column(nullable = false, length = 64)
    private String channel;

    @Column(nullable = false, length = 2000)
    private String evidence;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "granted_by", nullable = false, length = 128)
    private String grantedBy;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by", length = 128)
    private String endedBy;

    protected ConsentRecord() {
    }

    public static ConsentRecord grant(String subjectId, String purpose, String noticeVersion, String channel,
                                      String evidence, String actor, Instant at) {
        ConsentRecord r = new ConsentRecord();
        r.subjectId = subjectId;
        r.purpose = purpose;
        r.status = ConsentStatus.GRANTED;
        r.live = LIVE_MARK;
        r.noticeVersion = noticeVersion;
        r.channel = channel;
        r.evidence = evidence;
        r.grantedBy = actor;
        r.grantedAt = at;
        return r;
    }

    /** The subject took the consent back (Art. 7(3)); the record remains as proof of what was. */
    public void withdraw(String actor, Instant at) {
        end(ConsentStatus.WITHDRAWN, actor, at);
    }

    /** A newer grant (another notice version) replaces this one. */
    public void supersede(String actor, Instant at) {
        end(ConsentStatus.SUPERSEDED, actor, at);
    }

    private void end(ConsentStatus outcome, String actor, Instant at) {
        if (status != ConsentStatus.GRANTED) {
            throw new IllegalStateException("consent record " + id + " already ended as " + status);
        }
        if (at.isBefore(grantedAt)) {
            throw new IllegalArgumentException("a consent cannot end before it was granted");
        }
        status = outcome;
        live = null;
        endedBy = actor;
        endedAt = at;
    }

    /** The same grant repeated (same notice, channel and evidence): PUT is idempotent. */
    public boolean sameGrant(String noticeVersion, String channel, String evidence) {
        return status == ConsentStatus.GRANTED && this.noticeVersion.equals(noticeVersion)
                && this.channel.equals(channel) && this.evidence.equals(evidence);
    }

    public Long id() {
        return id;
    }

    public String subjectId() {
        return subjectId;
    }

    public String purpose() {
        return purpose;
    }

    public ConsentStatus status() {
        return status;
    }

    public boolean isLive() {
        return LIVE_MARK.equals(live);
    }

    public String noticeVersion() {
        return noticeVersion;
    }

    public String channel() {
        return channel;
    }

    public String evidence() {
        return evidence;
    }

    public Instant grantedAt() {
        return grantedAt;
    }

    public String grantedBy() {
        return grantedBy;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String endedBy() {
        return endedBy;
    }

    /** A consent's record counts down from when it ended (withdrawn or superseded); a live one is kept. */
    @Override
    public Instant retentionClockStart() {
        return endedAt;
    }
}
