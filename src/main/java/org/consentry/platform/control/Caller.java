package org.consentry.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.function.Supplier;

/**
 * Who is calling: the authenticated user and the role they act in, or {@code system} for work the
 * server does on its own (schedules, workers).
 */
@ApplicationScoped
public class Caller {

    public static final String SYSTEM = "system";
    private static final List<String> ROLES = List.of("admin", "agent", "bot", "crm", "host");

    /** A verified platform client this thread acts for ({@link #actingAs}), over the container's principal. */
    private static final ThreadLocal<Acting> ACTING = new ThreadLocal<>();

    private record Acting(String name, String role) {
    }

    @Inject
    SecurityContext security;

    /**
     * Runs {@code work} as {@code name} in {@code role}: for a request the container lets through without
     * a user (a bot platform's callback), once the platform's own authentication named its client. Audit
     * entries, rate limits and ownership then name that client.
     */
    public <T> T actingAs(String name, String role, Supplier<T> work) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("not a role: " + role);
        }
        Acting before = ACTING.get();
        ACTING.set(new Acting(name, role));
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTING.remove();
            } else {
                ACTING.set(before);
            }
        }
    }

    public String name() {
        Acting acting = ACTING.get();
        if (acting != null) {
            return acting.name();
        }
        Principal principal = principal();
        return principal == null ? SYSTEM : principal.getName();
    }

    /** The most privileged of the caller's roles, or {@code system}. */
    public String role() {
        Acting acting = ACTING.get();
        if (acting != null) {
            return acting.role();
        }
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
        Acting acting = ACTING.get();
        if (acting != null) {
            return acting.role().equals(role);
        }
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
