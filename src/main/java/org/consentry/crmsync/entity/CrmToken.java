package org.consentry.crmsync.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.crypto.entity.PersonalData;
import org.consentry.crypto.entity.Sealed;
import org.consentry.retention.entity.Retained;
import org.consentry.retention.entity.RetainedEntity;

/**
 * What the CRM got instead of a field it may only see pseudonymised: the token, and the original
 * sealed here. The same value of the same subject and field always gets the same token, so the CRM
 * can still match records.
 */
@Entity
@Table(name = "crm_token")
@Retained(category = "contact")
public class CrmToken extends RetainedEntity implements DataSubject {

    @Id
    @Column(length = 40)
    private String token;

    @Column(name = "subject_id", nullable = false, length = 128)
    private String subjectId;

    @Column(nullable = false, length = 32)
    private String field;

    @PersonalData(category = "contact")
    @Column(nullable = false)
    private Sealed original;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CrmToken() {
    }

    public CrmToken(String token, String subjectId, String field, String value, Instant now) {
        this.token = token;
        this.subjectId = subjectId;
        this.field = field;
        this.original = Sealed.of(value);
        this.createdAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    public String token() {
        return token;
    }

    public String field() {
        return field;
    }

    @Override
    public String subjectId() {
        return subjectId;
    }

    @Override
    public Instant retentionClockStart() {
        return null; // kept until the customer relationship ends (RetentionStamps.relationshipEnded);
    }
}
