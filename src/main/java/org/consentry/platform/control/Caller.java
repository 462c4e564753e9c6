package org.consentry.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the authenticated user and the role they act in, or {@code system} for work the
 * server does on its own (schedules, workers). A bot that comes with a bearer token is named by the
 * client its token names in the claim {@link #CLIENT_CLAIM} ({@code sub} unless set, which RFC 9068 gives
 * the client in client-credentials tokens; {@code azp} or {@code client_id} name it by its client id at most
 * providers): one identity per bot, whatever the token's user name claims say.
 */
@ApplicationScoped
public class Caller {

    public static final String SYSTEM = "system";
    private static final List<String> ROLES = List.of("admin", "agent", "bot", "crm", "host");
    /** The claim of a bot's bearer token that names its client (the owner of what it hands off). */
    public static final String CLIENT_CLAIM = "consentry.jwt.client-claim";
    /** As wide as escalation.handed_off_by. */
    public static final int MAX_CLIENT = 128;
    /** Names beginning so are the server's own markers ('~unowned'): no client may bear one. */
    public static final String RESERVED = "~";

    /** A verified platform client this thread acts for ({@link #actingAs}), over the container's principal. */
    private static final ThreadLocal<Acting> ACTING = new ThreadLocal<>();

    private record Acting(String name, String role) {
    }

    @Inject
    SecurityContext security;

    @Inject
    @ConfigProperty(name = CLIENT_CLAIM, defaultValue = "sub")
    String clientClaim;

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
        if (principal == null) {
            return SYSTEM;
        }
        return botToken(principal).map(this::clientOf).filter(Caller::isClientName).orElse(principal.getName());
    }

    /**
     * Whether the caller is a bot with a bearer token that names no usable client (the claim missing,
     * blank, longer than {@link #MAX_CLIENT} or reserved): such a caller is refused before any resource
     * (platform/boundary BotClientNames), since it could own nothing.
     */
    public boolean isUnnamedBotClient() {
        Principal principal = principal();
        return principal != null && ACTING.get() == null
                && botToken(principal).map(token -> !isClientName(clientOf(token))).orElse(false);
    }

    /** The claim that names a bot's client. */
    public String clientClaim() {
        return clientClaim;
    }

    private Optional<JsonWebToken> botToken(Principal principal) {
        if (!security.isCallerInRole("bot")) {
            return Optional.empty();
        }
        if (principal instanceof JsonWebToken token) {
            return Optional.of(token);
        }
        return security.getPrincipalsByType(JsonWebToken.class).stream().findFirst();
    }

    private String clientOf(JsonWebToken token) {
        Object value = token.getClaim(clientClaim);
        // standard claims (azp, sub) come as String, others (client_id) as JSON values
        if (value instanceof jakarta.json.JsonString text) {
            return text.getString();
        }
        return value instanceof String text ? text : null;
    }

    static boolean isClientName(String name) {
        return name != null && !name.isBlank() && name.length() <= MAX_CLIENT && !name.startsWith(RESERVED)
                && name.chars().noneMatch(Character::isISOControl);
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
