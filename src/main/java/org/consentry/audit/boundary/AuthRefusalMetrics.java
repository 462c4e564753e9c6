package org.consentry.audit.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.consentry.platform.control.AuthRefusal;
import org.consentry.platform.control.CappedTags;
import org.consentry.platform.control.ClaimedClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts refused credentials on this server, by kind, by client and by address, with bounded tags
 * (docs/observability.md): a claimed client id appears as it is only when it is an identifier
 * ({@link ClaimedClient#SYNTAX}; else {@code invalid}, or {@code none} when the credential named none), a
 * typed user name and an address only as 8 characters of their keyed hash ({@code u_…}, {@code a_…}); each
 * tag keeps its first {@code consentry.metrics.auth-refusals.max-clients} (50) or {@code .max-addresses}
 * (50) values per server, the later ones count as {@code other}.
 */
@ApplicationScoped
public class AuthRefusalMetrics {

    static final int HASH_CHARS = 8;

    @Inject
    MetricRegistry registry;

    @Inject
    @ConfigProperty(name = "consentry.metrics.auth-refusals.max-clients", defaultValue = "50")
    int maxClients;

    @Inject
    @ConfigProperty(name = "consentry.metrics.auth-refusals.max-addresses", defaultValue = "50")
    int maxAddresses;

    private CappedTags clients;
    private CappedTags addresses;

    @PostConstruct
    void init() {
        clients = new CappedTags(maxClients);
        addresses = new CappedTags(maxAddresses);
    }

    /** Made at start, so that a bad setting stops the start instead of the first refusal's count. */
    void verify(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // @PostConstruct has checked the settings
    }

    /** @param clientRef the client's keyed hash ({@code u_…} for a typed name, used as its tag) */
    void refused(AuthRefusal refusal, String clientRef, String addressRef) {
        Tag kind = new Tag("kind", refusal.kind().tag());
        registry.counter("consentry.auth.refusals", kind).inc();
        registry.counter("consentry.auth.refusals.by.client", kind, new Tag("client", clients.tag(clientTag(refusal, clientRef)))).inc();
        registry.counter("consentry.auth.refusals.by.address", kind, new Tag("address", addresses.tag(addressRef))).inc();
    }

    void crossed(String kind, String crossed) {
        registry.counter("consentry.auth.abuse", new Tag("kind", kind), new Tag("threshold", crossed)).inc();
    }

    static String clientTag(AuthRefusal refusal, String clientRef) {
        if (refusal.client() == null) {
            return "none";
        }
        if (refusal.kind() == AuthRefusal.Kind.PASSWORD) {
            return clientRef; // a person's name: its keyed hash only
        }
        return ClaimedClient.SYNTAX.matcher(refusal.client()).matches() ? refusal.client() : "invalid";
    }
}
