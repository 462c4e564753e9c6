package org.consentry.crmsync.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.crypto.entity.PersonalData;
import org.consentry.crypto.entity.Sealed;
import org.consentry.retention.entity.Retained;
import org.consentry.retention.entity.RetainedEntity;

/** A contact the bot captured as a lead, sealed; the outbox sends it to the CRM from here. */
@Entity
@Table(name = "crm_contact")
@Retained(category = "contact")
public class CrmContact extends RetainedEntity implements DataSubject {

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "subject_id", nullable = false, length = 128)
    private String subjectId;

    @PersonalData(category = "contact")
    @Column(name = "name")
    private Sealed name;

    @PersonalData(category = "contact")
    @Column(name = "email")
    private Sealed email;

    @PersonalData(category = "contact")
    @Column(name = "phone")
    private Sealed phone;

    @Column(name = "captured_at", nullable = false)
    private Instant capturedAt;

    protected CrmContact() {
    }

    public CrmContact(String subjectId, String name, String email, String phone, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.subjectId = subjectId;
        this.name = Sealed.of(name);
        this.email = Sealed.of(email);
        this.phone = Sealed.of(phone);
        this.capturedAt = now.truncatedTo(ChronoUnit.MILLIS);
    }

    public String id() {
        return id;
    }

    @Override
    public String subjectId() {
        return subjectId;
    }

    public Instant capturedAt() {
        return capturedAt;
    }

    @Override
    public Instant retentionClockStart() {
        return null; // kept until the customer relationship ends (RetentionStamps.relationshipEnded);
    }
}
