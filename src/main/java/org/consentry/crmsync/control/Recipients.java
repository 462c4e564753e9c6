package org.consentry.crmsync.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.consentry.crmsync.entity.FieldRule;
import org.consentry.platform.control.Settings;
import org.consentry.platform.control.StartupSettings;
import org.eclipse.microprofile.config.Config;

/**
 * The CRM recipients this server sends to, read once from MicroProfile Config:
 * {@code consentry.crm.recipients} lists their ids, each configured under
 * {@code consentry.crm.recipient.<id>.}: {@code connector} (a {@link CrmConnector#type()}), {@code url},
 * {@code secret} (a Liberty variable with no default), {@code purposes} (default crm-sync) and
 * {@code fields.<field>} (clear, token or drop; default the global
 * {@code consentry.purposes.crm-sync.fields.<field>}, else drop). The single CRM of earlier releases
 * ({@code consentry.crm.url} and its siblings) is the recipient {@code crm}. Anything wrong (an unknown
 * connector, a missing secret, plain HTTP in production) stops the start with the key it concerns.
 */
@ApplicationScoped
public class Recipients {

    public static final String LIST = "consentry.crm.recipients";
    static final String PREFIX = "consentry.crm.recipient.";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    @Inject
    Config config;

    @Inject
    @Any
    Instance<CrmConnector> connectors;

    private Map<String, RecipientSettings> recipients;
    private Map<String, CrmConnector> byType;
    private List<String> order;

    @PostConstruct
    void load() {
        Function<String, Optional<String>> lookup = key -> config.getOptionalValue(key, String.class);
        Settings settings = new Settings(lookup);
        boolean production = settings.optional(StartupSettings.PROFILE).orElse(StartupSettings.PRODUCTION)
                .equals(StartupSettings.PRODUCTION);
        List<CrmConnector> all = connectors.stream().toList();
        Map<String, RecipientSettings> parsed = new LinkedHashMap<>();
        parse(settings, lookup, production, all).forEach(r -> parsed.put(r.id(), r));
        settings.verify("CRM recipients");
        Map<String, CrmConnector> types = new TreeMap<>();
        all.forEach(c -> types.put(c.type(), c));
        recipients = Map.copyOf(parsed);
        byType = Map.copyOf(types);
        order = List.copyOf(parsed.keySet());
    }

    /** Every recipient, in the order configured. */
    public List<RecipientSettings> all() {
        return order.stream().map(recipients::get).toList();
    }

    /** The recipients that get deliveries for {@code purpose}. */
    public List<RecipientSettings> serving(String purpose) {
        return all().stream().filter(r -> r.serves(purpose)).toList();
    }

    public Optional<RecipientSettings> get(String id) {
        return Optional.ofNullable(id == null ? null : recipients.get(id));
    }

    public boolean any() {
        return !recipients.isEmpty();
    }

    public CrmConnector connector(RecipientSettings recipient) {
        CrmConnector connector = byType.get(recipient.type());
        if (connector == null) {
            throw new IllegalStateException("no connector " + recipient.type()); // the start-up check refused this already
        }
        return connector;
    }

    /** Reads and checks every recipient; each problem is reported to {@code settings} with the key it concerns. */
    public static List<RecipientSettings> parse(Settings settings, Function<String, Optional<String>> lookup,
                                                boolean production, Collection<? extends CrmConnector> connectors) {
        Map<String, CrmConnector> types = new TreeMap<>();
        connectors.forEach(c -> types.put(c.type(), c));
        List<RecipientSettings> parsed = new ArrayList<>();
        List<String> known = settings.list("consentry.purposes");
        if (settings.optional("consentry.crm.url").isPresent()) {
            parsed.add(one(settings, lookup, production, types, RecipientSettings.LEGACY, "consentry.crm.", known));
        }
        for (String id : settings.list(LIST)) {
            if (!ID.matcher(id).matches()) {
                settings.problem(LIST + ": '" + id + "' is not a recipient id (a-z, 0-9 and -, at most 32)");
            } else if (parsed.stream().anyMatch(r -> r.id().equals(id))) {
                settings.problem(LIST + ": '" + id + "' is listed twice (or is the crm of consentry.crm.url)");
            } else {
                parsed.add(one(settings, lookup, production, types, id, PREFIX + id + ".", known));
            }
        }
        return parsed;
    }

    private static RecipientSettings one(Settings settings, Function<String, Optional<String>> lookup, boolean production,
                                         Map<String, CrmConnector> types, String id, String prefix, List<String> knownPurposes) {
        boolean legacy = id.equals(RecipientSettings.LEGACY) && prefix.equals("consentry.crm.");
        String type = (legacy ? settings.optional(prefix + "connector").orElse("webhook")
                : settings.required(prefix + "connector")).toLowerCase(Locale.ROOT);
        CrmConnector connector = types.get(type);
        if (connector == null && !type.isEmpty()) {
            settings.problem(prefix + "connector: '" + type + "' is not a connector type (one of " + String.join(", ", types.keySet()) + ")");
        }
        Optional<URI> url = url(settings, production, prefix, connector);
        Optional<String> secret = settings.optional(prefix + "secret");
        if (secret.isEmpty() && connector != null && connector.needsUrl()) {
            settings.problem(prefix + "secret: not set while " + prefix + "url names " + (legacy ? "a CRM" : "recipient " + id));
        }
        List<String> purposes = legacy ? List.of("crm-sync") : Optional.of(settings.list(prefix + "purposes"))
                .filter(l -> !l.isEmpty()).orElse(List.of("crm-sync"));
        for (String purpose : purposes) {
            if (!knownPurposes.isEmpty() && !knownPurposes.contains(purpose)) {
                settings.problem(prefix + "purposes: '" + purpose + "' is not a purpose of consentry.purposes");
            }
        }
        Map<String, FieldRule> fields = new LinkedHashMap<>();
        for (String field : FieldPolicy.FIELDS) {
            String key = legacy ? FieldPolicy.PREFIX + field : prefix + "fields." + field;
            String value = settings.optional(key).or(() -> settings.optional(FieldPolicy.PREFIX + field)).orElse("drop");
            try {
                fields.put(field, FieldRule.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                settings.problem(key + ": '" + value + "' is not clear, token or drop");
            }
        }
        RecipientSettings recipient = new RecipientSettings(id, type, prefix, url, secret,
                settings.optional(prefix + "secret.previous"), purposes, Map.copyOf(fields), lookup);
        if (connector != null) {
            connector.check(recipient, settings, production);
        }
        return recipient;
    }

    private static Optional<URI> url(Settings settings, boolean production, String prefix, CrmConnector connector) {
        Optional<String> value = settings.optional(prefix + "url");
        if (value.isEmpty()) {
            if (connector != null && connector.needsUrl()) {
                settings.problem("missing " + prefix + "url");
            }
            return Optional.empty();
        }
        boolean allowHttp = settings.optional(prefix + "allow-http").or(() -> settings.optional("consentry.crm.allow-http"))
                .map(Boolean::parseBoolean).orElse(false);
        if (production && !prefix.equals("consentry.crm.")
                && settings.optional(prefix + "allow-http").filter(Boolean::parseBoolean).isPresent()) {
            // the global consentry.crm.allow-http is reported by CrmSettingsCheck, once
            settings.problem(prefix + "allow-http: true lets CRM data travel over plain HTTP");
        }
        URI uri;
        try {
            uri = URI.create(value.get());
        } catch (IllegalArgumentException e) {
            settings.problem(prefix + "url: not a URL");
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp && !production)) {
            settings.problem(prefix + "url: must be https (plain http only with " + prefix + "allow-http=true, in development)");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            settings.problem(prefix + "url: must be scheme://host[:port][/path] without user info");
        }
        return Optional.of(uri);
    }
}
