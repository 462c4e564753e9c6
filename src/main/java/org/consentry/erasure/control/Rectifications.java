package org.consentry.erasure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.erasure.entity.ContactCorrection;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/**
 * Rectification (GDPR Art. 16): the subject's contact fields corrected wherever they are held,
 * re-sealed, and the CRM told through the outbox when it had them (Art. 19), in the caller's
 * transaction. Audited with the names of the fields, never their values.
 */
@ApplicationScoped
public class Rectifications {

    @Inject
    @Any
    Instance<SubjectData> parts;

    @Inject
    @Any
    Instance<Recipient> recipients;

    @Inject
    AuditTrail audit;

    /** What changed: the fields, the rows, and the delivery that tells the CRM (if it had them). */
    public record Rectified(String subjectId, List<String> fields, int rows, String crmDelivery) {
    }

    public Rectified rectify(String subjectId, ContactCorrection correction) {
        int rows = 0;
        for (SubjectData part : parts) {
            rows += part.rectify(subjectId, correction);
        }
        if (rows == 0) {
            throw new ProblemException(Problems.NOT_FOUND, "No contact data is held for this subject: there is nothing to rectify.");
        }
        Optional<String> delivery = Optional.empty();
        for (Recipient recipient : recipients) {
            Optional<String> sent = recipient.rectified(subjectId);
            delivery = delivery.isPresent() ? delivery : sent;
        }
        List<String> fields = correction.names();
        audit.record(new AuditEntry("subject.rectify", Exports.PURPOSE, subjectId, String.join(",", fields), Outcome.DONE,
                rows + " row(s)" + delivery.map(d -> "; crm delivery " + d).orElse("; crm not told (it never had them)")));
        return new Rectified(subjectId, fields, rows, delivery.orElse(null));
    }
}
