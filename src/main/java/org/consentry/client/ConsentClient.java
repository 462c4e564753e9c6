package org.consentry.client;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Asks Consentry whether a purpose's lawful basis holds for a subject, as the host application (HTTP
 * Basic with consentry.client.user and .password, or a bearer token in consentry.client.token), at
 * consentry.client.url. Answers are remembered for as long as Consentry allows, at most
 * consentry.client.max-remember (PT1M), and forgotten when Consentry pushes a change
 * ({@link ConsentChangesReceiver}). Every question is bounded by consentry.client.timeout (PT2S); no
 * answer is a {@link ConsentUnavailableException}, never an allowance.
 */
@ApplicationScoped
public class ConsentClient {

    private Duration maxRemember;
    private DecisionCache cache;

    /** Made at the host's start (so that its deployment fails there, naming the key, when the client is not configured). */
    void started(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // observing makes the container create the bean now: @PostConstruct has checked the configuration
    }

    @Inject
    ConsentryConnection connection;

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig();
        check(key -> config.getOptionalValue(key, String.class));
        maxRemember = config.getOptionalValue("consentry.client.max-remember", Duration.class).orElse(Duration.ofMinutes(1));
        int capacity = config.getOptionalValue("consentry.client.cache-size", Integer.class).orElse(100_000);
        cache = new DecisionCache(capacity, System::nanoTime);
    }

    /**
     * The client's keys, checked when the host starts: url and the webhook secret (whsec_...), and the host's
     * identity (user and password, or a token). A problem is an IllegalStateException naming the key, never a value.
     */
    static void check(java.util.function.Function<String, java.util.Optional<String>> value) {
        for (String key : new String[] {"consentry.client.url", "consentry.client.webhook-secret"}) {
            if (value.apply(key).filter(v -> !v.isBlank()).isEmpty()) {
                throw new IllegalStateException(key + " is not set: the client jar needs Consentry's URL and the secret of its"
                        + " consent notices (docs/host-integration-guide.md)");
            }
        }
        if (value.apply("consentry.client.token").isEmpty()
                && (value.apply("consentry.client.user").isEmpty() || value.apply("consentry.client.password").isEmpty())) {
            throw new IllegalStateException("consentry.client.user and .password (or .token) are not set: the host's"
                    + " identity in Consentry (role host)");
        }
        try {
            new WebhookVerifier(value.apply("consentry.client.webhook-secret").orElseThrow());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage());
        }
        try {
            URI.create(value.apply("consentry.client.url").orElseThrow()).toURL();
        } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            throw new IllegalStateException("consentry.client.url is not an absolute URL");
        }
    }

    /** Whether the call may run: true or false from Consentry (or its remembered answer). */
    public boolean allowed(String subjectId, String purpose) {
        DecisionCache.Key key = new DecisionCache.Key(subjectId, purpose);
        Boolean known = cache.get(key);
        if (known != null) {
            return known;
        }
        JsonObject decision = ask(subjectId, purpose);
        boolean allowed = decision.getBoolean("allowed");
        long seconds = Math.min(decision.getJsonNumber("rememberSeconds").longValue(), maxRemember.toSeconds());
        cache.put(key, allowed, Duration.ofSeconds(Math.max(0, seconds)).toNanos());
        return allowed;
    }

    /** Consentry said the subject's consent to the purpose changed: the next call asks again. */
    public void forget(String subjectId, String purpose) {
        cache.forget(new DecisionCache.Key(subjectId, purpose));
    }

    /** Consentry erased the subject: every answer about it is asked again. */
    void forgetSubject(String subjectId) {
        cache.forgetSubject(subjectId);
    }

    int remembered() {
        return cache.size();
    }

    private JsonObject ask(String subjectId, String purpose) {
        JsonObject decision = connection.get("api/v1/subjects/" + URLEncoder.encode(subjectId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/consents/" + URLEncoder.encode(purpose, StandardCharsets.UTF_8) + "/decision", purpose);
        try {
            decision.getBoolean("allowed");
            decision.getJsonNumber("rememberSeconds").longValue();
            return decision;
        } catch (RuntimeException e) {
            throw new ConsentUnavailableException(purpose, "Consentry's answer is not a decision", e);
        }
    }
}
