package org.consentry.consent.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.consent.control.ConsentDecisions;
import org.consentry.consent.control.Purposes;
import org.consentry.consent.entity.Purpose;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;

/**
 * Enforces {@link RequiresConsent}: inside the caller's transaction (after @Transactional), before the
 * method touches any personal data. A refusal is audited in a transaction of its own, because the
 * request's transaction rolls back with the 403.
 */
@Interceptor
@RequiresConsent("")
@Priority(Interceptor.Priority.APPLICATION)
public class ConsentGuard {

    public static final ProblemType CONSENT_REQUIRED = new ProblemType("consent-required", 403, "Consent required");
    static final String ACTION = "consent.check";
    private static final java.util.Map<java.lang.reflect.Method, String> DETAILS = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    Purposes purposes;

    @Inject
    ConsentDecisions decisions;

    @Inject
    AuditTrail audit;

    @AroundInvoke
    Object guard(InvocationContext call) throws Exception {
        Purpose purpose = purposes.get(purposeOf(call).value());
        String subjectId = SubjectArguments.find(call.getMethod(), call.getParameters()).orElseThrow(() ->
                new IllegalStateException("guarded call " + call.getMethod().getName() + " names no data subject"));
        AuditEntry entry = new AuditEntry(ACTION, purpose.id(), subjectId, null, Outcome.ALLOWED,
                DETAILS.computeIfAbsent(call.getMethod(), m -> "basis " + purpose.basis().name() + "; "
                        + m.getDeclaringClass().getSimpleName() + "." + m.getName()));
        if (purpose.requiresConsent() && !decisions.hasCurrentConsent(subjectId, purpose)) {
            audit.recordIndependently(new AuditEntry(ACTION, purpose.id(), subjectId, null, Outcome.DENIED, entry.detail()));
            throw new ProblemException(CONSENT_REQUIRED, "The subject has no current consent to '" + purpose.id()
                    + "': send it with the request (member consent) or record it first (PUT /api/v1/subjects/{subjectId}/consents/"
                    + purpose.id() + ").")
                    .with("purpose", purpose.id());
        }
        audit.record(entry);
        return call.proceed();
    }

    /** The binding on the method, else on its class (Jakarta EE 10 has no InvocationContext.getInterceptorBinding). */
    private static RequiresConsent purposeOf(InvocationContext call) {
        RequiresConsent onMethod = call.getMethod().getAnnotation(RequiresConsent.class);
        return onMethod != null ? onMethod : call.getMethod().getDeclaringClass().getAnnotation(RequiresConsent.class);
    }
}
