package org.consentry.consent.boundary;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.AnnotatedMethod;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consentry.consent.control.GuardedOperations;
import org.consentry.consent.control.PurposeCatalog;
import org.consentry.consent.entity.Purpose;
import org.consentry.platform.control.Settings;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses a deployment in which a guarded method names a purpose that is not configured, or has no
 * argument that names its data subject: such a guard could only fail at run time.
 */
public class GuardedPurposesCheck implements Extension {

    private final List<String> problems = new ArrayList<>();
    private final List<Guarded> guarded = new ArrayList<>();

    private record Guarded(String where, String purpose) {
    }

    <T> void collect(@Observes @WithAnnotations(RequiresConsent.class) ProcessAnnotatedType<T> type) {
        if (type.getAnnotatedType().isAnnotationPresent(jakarta.interceptor.Interceptor.class)) {
            return; // the guard itself carries the binding
        }
        RequiresConsent onType = type.getAnnotatedType().getAnnotation(RequiresConsent.class);
        for (AnnotatedMethod<? super T> method : type.getAnnotatedType().getMethods()) {
            RequiresConsent onMethod = method.getAnnotation(RequiresConsent.class);
            RequiresConsent binding = onMethod != null ? onMethod : onType;
            int modifiers = method.getJavaMember().getModifiers();
            if (binding == null || method.getJavaMember().getDeclaringClass() == Object.class
                    || java.lang.reflect.Modifier.isStatic(modifiers) || java.lang.reflect.Modifier.isPrivate(modifiers)) {
                continue;
            }
            String where = method.getJavaMember().getDeclaringClass().getName() + "." + method.getJavaMember().getName();
            guarded.add(new Guarded(where, binding.value()));
            if (!SubjectArguments.locatable(method.getJavaMember())) {
                problems.add(where + " is @RequiresConsent but has no @SubjectId String parameter or DataSubject argument");
            }
        }
    }

    /** Publishes the guarded operations (class.method) per purpose, for the record of processing. */
    void publish(@Observes AfterBeanDiscovery discovery) {
        java.util.SortedMap<String, List<String>> byPurpose = new java.util.TreeMap<>();
        for (Guarded g : guarded) {
            byPurpose.computeIfAbsent(g.purpose(), p -> new ArrayList<>()).add(g.where());
        }
        GuardedOperations operations = new GuardedOperations(byPurpose);
        discovery.addBean().types(GuardedOperations.class, Object.class).scope(Singleton.class)
                .createWith(context -> operations);
    }

    void verify(@Observes AfterDeploymentValidation validation) {
        Config config = ConfigProvider.getConfig(GuardedPurposesCheck.class.getClassLoader());
        Map<String, Purpose> purposes = PurposeCatalog.parse(new Settings(k -> config.getOptionalValue(k, String.class)));
        for (Guarded g : guarded) {
            if (!purposes.containsKey(g.purpose())) {
                problems.add(g.where() + " requires consent to '" + g.purpose() + "', which consentry.purposes does not list");
            }
        }
        problems.forEach(p -> validation.addDeploymentProblem(new IllegalStateException(p)));
    }
}
