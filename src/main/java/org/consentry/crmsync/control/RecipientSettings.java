package org.consentry.crmsync.control;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.consentry.crmsync.entity.FieldRule;

/**
 * One CRM, helpdesk or event bus that gets the subjects' data, as configured: its id, its connector
 * type, where it is, its secret, the purposes it serves and its own field policy. Every key of a
 * recipient has the prefix {@code consentry.crm.recipient.<id>.}; the single CRM of earlier releases
 * (the keys {@code consentry.crm.url}, {@code .connector}, {@code .secret}, ...) is the recipient
 * {@code crm} with the prefix {@code consentry.crm.}. A connector reads its own keys through
 * {@link #property(String)} and names them in errors with {@link #key(String)}.
 */
public record RecipientSettings(String id, String type, String prefix, Optional<URI> url, Optional<String> secret,
                                Optional<String> previousSecret, List<String> purposes, Map<String, FieldRule> fields,
                                Function<String, Optional<String>> lookup) {

    /** The recipient the old single-CRM keys configure. */
    public static final String LEGACY = "crm";

    /** The full configuration key of one of this recipient's settings, e.g. {@code consentry.crm.recipient.hs.url}. */
    public String key(String name) {
        return prefix + name;
    }

    /** A connector-specific setting, blank counted as absent. */
    public Optional<String> property(String name) {
        return lookup.apply(key(name)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The recipient's URL (its start-up check made sure a connector that needs one has it). */
    public URI requireUrl() {
        return url.orElseThrow(() -> new IllegalStateException(key("url") + " is not set"));
    }

    /** What happens to {@code field} on its way to this recipient; a field the policy does not name is dropped. */
    public FieldRule rule(String field) {
        return fields.getOrDefault(field, FieldRule.DROP);
    }

    /** Whether deliveries for {@code purpose} go to this recipient. */
    public boolean serves(String purpose) {
        return purposes.contains(purpose);
    }

    /** Where it is, for admins and the records of processing: scheme and host, never a path, user or secret. */
    public String where() {
        return url.map(u -> u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort()))
                .orElseGet(() -> property("kafka.topic").map(t -> "topic " + t).orElse("-"));
    }

    /** The target stored with each delivery. */
    public String target() {
        return url.map(URI::toString).orElseGet(() -> type.toLowerCase(Locale.ROOT) + ":" + id);
    }

    @Override
    public String toString() {
        return "recipient " + id + " (" + type + ")"; // never the secret
    }
}
