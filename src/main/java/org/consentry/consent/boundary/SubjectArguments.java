package org.consentry.consent.boundary;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.platform.boundary.SubjectId;

/**
 * Finds the data subject of a guarded call among its arguments: the parameter marked {@code @SubjectId},
 * else the first argument that is a {@link DataSubject}.
 */
final class SubjectArguments {

    private static final Map<Method, Integer> MARKED = new ConcurrentHashMap<>();
    private static final int NONE = -1;

    private SubjectArguments() {
    }

    /** Whether the method can name its subject at all (checked when the application deploys). */
    static boolean locatable(Method method) {
        return markedParameter(method) != NONE
                || java.util.Arrays.stream(method.getParameterTypes()).anyMatch(DataSubject.class::isAssignableFrom);
    }

    static Optional<String> find(Method method, Object[] arguments) {
        int marked = markedParameter(method);
        if (marked != NONE) {
            return Optional.ofNullable((String) arguments[marked]);
        }
        for (Object argument : arguments) {
            if (argument instanceof DataSubject subject) {
                return Optional.ofNullable(subject.subjectId());
            }
        }
        return Optional.empty();
    }

    private static int markedParameter(Method method) {
        return MARKED.computeIfAbsent(method, m -> {
            Annotation[][] annotations = m.getParameterAnnotations();
            for (int i = 0; i < annotations.length; i++) {
                for (Annotation a : annotations[i]) {
                    if (a.annotationType() == SubjectId.class && m.getParameterTypes()[i] == String.class) {
                        return i;
                    }
                }
            }
            return NONE;
        });
    }
}
