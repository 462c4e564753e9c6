package org.consentry.crypto.control;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.crypto.entity.PersonalData;
import org.consentry.crypto.entity.Sealed;

/** A test entity with two personal fields, sealed the way every entity of the application is. */
@Entity
@Table(name = "canary_contact")
public class CanaryContact implements DataSubject {

    @Id
    @Column(length = 36)
    private String id = UUID.randomUUID().toString();

    @Column(name = "subject_id", nullable = false, length = 128)
    private String subjectId;

    @PersonalData(category = "contact")
    @Column(name = "email")
    private Sealed email;

    @PersonalData(category = "contact")
    @Column(name = "phone")
    private Sealed phone;

    protected CanaryContact() {
    }

    public CanaryContact(String subjectId, String email, String phone) {
        this.subjectId = subjectId;
        this.email = Sealed.of(email);
        this.phone = Sealed.of(phone);
    }

    /** The wrong way to change a stored value: a clear value on a managed entity must fail closed. */
    public void overwriteEmailUnsealed(String newEmail) {
        email = Sealed.of(newEmail);
    }

    public String id() {
        return id;
    }

    @Override
    public String subjectId() {
        return subjectId;
    }
}
