package org.consentry.client;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

    /** What a guarded method needs, read once per method: its purpose, which argument is the subject, its name. */
    record Plan(String purpose, int subject, String where) {
    }

    private static final Map<Method, Plan> PLANS = new ConcurrentHashMap<>();

    @AroundInvoke
    Object check(InvocationContext call) throws Exception {
        Method method = call.getMethod();
        Plan plan = PLANS.computeIfAbsent(method, ConsentCheck::plan);
        if (!consentry.allowed(subject(plan, method, call.getParameters()), plan.purpose())) {
            throw new ConsentRefusedException(plan.purpose(), plan.where());
        }
        return call.proceed();
    }

    /** The argument of the parameter marked @SubjectId: there must be exactly one, a non-blank String. */
    static String subjectOf(Method method, Object[] arguments) {
        return subject(plan(method), method, arguments);
    }

    private static String subject(Plan plan, Method method, Object[] arguments) {
        if (!(arguments[plan.subject()] instanceof String value) || value.isBlank()) {
            throw new IllegalArgumentException(method.getName() + ": the @SubjectId argument is a blank or missing String");
        }
        return value;
    }

    static Plan plan(Method method) {
        RequiresConsent binding = method.getAnnotation(RequiresConsent.class);
        if (binding == null) {
            binding = method.getDeclaringClass().getAnnotation(RequiresConsent.class);
        }
        Annotation[][] marks = method.getParameterAnnotations();
        int found = -1;
        for (int i = 0; i < marks.length; i++) {
            for (Annotation mark : marks[i]) {
                if (mark instanceof SubjectId) {
                    if (found >= 0 || method.getParameterTypes()[i] != String.class) {
                        throw new IllegalArgumentException(method.getName() + ": one @SubjectId parameter, a String");
                    }
                    found = i;
                }
            }
        }
        if (found < 0) {
            throw new IllegalArgumentException(method.getName() + " is @RequiresConsent but no parameter is @SubjectId");
        }
        return new Plan(binding.value(), found, method.getDeclaringClass().getSimpleName() + "." + method.getName());
    }
}
