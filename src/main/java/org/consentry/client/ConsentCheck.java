package org.consentry.client;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * Enforces {@link RequiresConsent} on the host's beans: before the method runs, Consentry (or its
 * remembered answer) must allow the purpose for the subject of the {@link SubjectId} parameter. Enabled
 * for the whole host application by its priority; nothing to declare in beans.xml.
 */
@Interceptor
@RequiresConsent("")
@Priority(Interceptor.Priority.APPLICATION)
public class ConsentCheck {

    @Inject
    ConsentClient consentry;

    @AroundInvoke
    Object check(InvocationContext call) throws Exception {
        Method method = call.getMethod();
        RequiresConsent binding = method.getAnnotation(RequiresConsent.class);
        if (binding == null) {
            binding = method.getDeclaringClass().getAnnotation(RequiresConsent.class);
        }
        String purpose = binding.value();
        String subjectId = subjectOf(method, call.getParameters());
        String where = method.getDeclaringClass().getSimpleName() + "." + method.getName();
        if (!consentry.allowed(subjectId, purpose)) {
            throw new ConsentRefusedException(purpose, where);
        }
        return call.proceed();
    }

    /** The argument of the parameter marked @SubjectId: there must be exactly one, a non-blank String. */
    static String subjectOf(Method method, Object[] arguments) {
        Annotation[][] marks = method.getParameterAnnotations();
        String found = null;
        for (int i = 0; i < marks.length; i++) {
            for (Annotation mark : marks[i]) {
                if (mark instanceof SubjectId) {
                    if (found != null || !(arguments[i] instanceof String value) || value.isBlank()) {
                        throw new IllegalArgumentException(method.getName() + ": one @SubjectId String parameter, not blank");
                    }
                    found = value;
                }
            }
        }
        if (found == null) {
            throw new IllegalArgumentException(method.getName() + " is @RequiresConsent but no parameter is @SubjectId");
        }
        return found;
    }
}
