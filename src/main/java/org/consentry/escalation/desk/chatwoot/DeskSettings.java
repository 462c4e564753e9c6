package org.consentry.escalation.desk.chatwoot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where the agents work: {@code consentry.desk} is {@code consentry} (Consentry's own desk, the default) or
 * {@code chatwoot}, which opens a Chatwoot conversation per escalation under consentry.desk.chatwoot.*.
 * Read at use time: {@link DeskSettingsCheck} has already refused a start without the keys Chatwoot needs.
 */
@ApplicationScoped
public class DeskSettings {

    static final String DESK = "consentry.desk";
    static final String PREFIX = "consentry.desk.chatwoot.";
    static final String URL = PREFIX + "url";
    static final String SECRET = PREFIX + "secret";
    static final String ACCOUNT = PREFIX + "account-id";
    static final String INBOX = PREFIX + "inbox-id";
    static final String WEBHOOK_TOKEN = PREFIX + "webhook-token";
    static final String SIGNING_SECRET = PREFIX + "webhook-signing-secret";
    static final String REVEAL = PREFIX + "reveal-base-url";

    @Inject
    Config config;

    public boolean chatwoot() {
        return "chatwoot".equals(value(DESK).orElse("consentry"));
    }

    /** The account's API base, e.g. https://chatwoot.example.com/api/v1/accounts/7 */
    String accountBase() {
        return value(URL).orElseThrow().replaceAll("/+$", "") + "/api/v1/accounts/" + value(ACCOUNT).orElseThrow();
    }

    String accessToken() {
        return value(SECRET).orElseThrow();
    }

    long inbox() {
        return Long.parseLong(value(INBOX).orElseThrow());
    }

    String webhookToken() {
        return value(WEBHOOK_TOKEN).orElse("");
    }

    /** The secret Chatwoot signs its webhooks with (Chatwoot 4.11+), when the deployment set it. */
    Optional<String> signingSecret() {
        return value(SIGNING_SECRET);
    }

    /** The link an agent follows to Consentry's console to read the escalation and reveal a value with a reason. */
    String revealLink(String escalationId) {
        String base = value(REVEAL).orElseThrow().replaceAll("/+$", "");
        return URI.create(base + "/console/?escalation=" + escalationId + "#desk").toString();
    }

    /**
     * Who a Chatwoot agent is in Consentry: the console user {@code consentry.desk.chatwoot.agent.<chatwoot
     * agent id>} names, so that the agent who follows the reveal link and signs in holds the escalation
     * there and may reveal (with a reason, audited); else {@code chatwoot:<id>}, who can reply and resolve
     * from Chatwoot but reveal nothing.
     */
    String agentFor(long chatwootAgentId) {
        return value(PREFIX + "agent." + chatwootAgentId).filter(u -> u.matches("[A-Za-z0-9._@-]{1,128}"))
                .orElse(DeskReplies.AGENT_PREFIX + chatwootAgentId);
    }

    private Optional<String> value(String key) {
        return config.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
    }
}
