package org.consentry.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.consentry.consent.boundary.RequiresConsent;
import org.consentry.crypto.entity.Access;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.platform.boundary.SubjectId;

/** A guarded boundary for the canary: stores contact data only with consent, as the handoff will. */
@ApplicationScoped
@Transactional
public class CanaryService {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    FieldSealer sealer;

    public record Lead(String subjectId, String email) implements DataSubject {
    }

    @RequiresConsent("support-handoff")
    public String store(@SubjectId String subjectId, String email, String phone) {
        CanaryContact contact = new CanaryContact(subjectId, email, phone);
        em.persist(contact);
        return contact.id();
    }

    /** The subject comes from an argument that is a DataSubject. */
    @RequiresConsent("crm-sync")
    public String capture(Lead lead) {
        CanaryContact contact = new CanaryContact(lead.subjectId(), lead.email(), null);
        em.persist(contact);
        return contact.id();
    }

    public void changeEmail(String id, String email) {
        sealer.replace(em.find(CanaryContact.class, id), "email", email);
    }

    public void changeEmailUnsealed(String id, String email) {
        em.find(CanaryContact.class, id).overwriteEmailUnsealed(email);
    }

    public Map<String, String> read(String id) {
        CanaryContact contact = em.find(CanaryContact.class, id);
        em.refresh(contact);
        return sealer.open(contact, Access.of("canary.read", "support-handoff"), "email", "phone");
    }
}
