package org.consentry.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.List;

/**
 * Who is calling: the authenticated user and the role they act in, or {@code system} for work the
 * server does on its own (schedules, workers).
 */
@ApplicationScoped
public class Caller {

    public static final String SYSTEM = "system";
    private static final List<String> ROLES = List.of("admin", "agent", "bot", "crm");

    @Inject
    SecurityContext security;

    public String name() {
        Principal principal = principal();
        return principal == null ? SYSTEM : principal.getName();
    }

    /** The most privileged of the caller's roles, or {@code system}. */
    public String role() {
        if (principal() == null) {
            return SYSTEM;
        }
        for (String role : ROLES) {
            if (security.isCallerInRole(role)) {
                return role;
            }
        }
        return "none";
    }

    public boolean isInRole(String role) {
        return principal() != null && security.isCallerInRole(role);
    }

    private Principal principal() {
        try {
            return security.getCallerPrincipal();
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }
}
