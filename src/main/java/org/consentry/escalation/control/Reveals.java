package org.consentry.escalation.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.entity.Access;
import org.consentry.escalation.entity.Escalation;
import org.consentry.escalation.entity.PiiToken;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/**
 * One value of an escalation in clear, for its assigned agent, with a reason; rate-limited and
 * audited. A value the customer never gave is not found before the limit is asked: nothing opened,
 * nothing counted.
 */
@Dependent
public class Reveals {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    FieldSealer sealer;

    @Inject
    RevealLimit revealLimit;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    /** {@code field}: customer.name, customer.email, customer.phone, or the token of a masked value. */
    public String reveal(Escalation e, String field, String reason) {
        String column = switch (field) {
            case "customer.name" -> "customerName";
            case "customer.email" -> "customerEmail";
            case "customer.phone" -> "customerPhone";
            default -> null;
        };
        PiiToken token = column == null ? em.find(PiiToken.class, field) : null;
        if (column != null ? !sealer.holds(e, column) : token == null || !token.escalationId().equals(e.id())) {
            throw noValue(e.id(), field);
        }
        ProblemException tooMany = revealLimit.take(caller.name());
        if (tooMany != null) {
            audit.recordIndependently(new AuditEntry(RevealLimit.ACTION, Claims.PURPOSE, e.subjectId(), field,
                    Outcome.DENIED, "reveal limit reached; escalation " + e.id()));
            throw tooMany;
        }
        Access access = new Access(RevealLimit.ACTION, Claims.PURPOSE, reason);
        return column != null ? sealer.open(e, column, access) : sealer.open(token, "original", access);
    }

    private static ProblemException noValue(String id, String field) {
        return new ProblemException(Problems.NOT_FOUND, "No value " + field + " in escalation " + id + ".")
                .with("field", "field");
    }
}
