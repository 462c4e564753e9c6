package org.consentry.crmsync.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.consentry.crmsync.entity.FieldRule;
import org.consentry.platform.control.Settings;
import org.eclipse.microprofile.config.Config;

/**
 * Which fields leave for the CRM, and how: consentry.purposes.crm-sync.fields.&lt;field&gt; = clear |
 * token | drop, for contact.name, contact.email, contact.phone, case.reason, case.agent and
 * case.transcript. A field that is not configured is dropped (minimisation by default). Card numbers
 * and national ids never leave in clear whatever the policy says (see {@link CrmRecords}).
 */
@ApplicationScoped
public class FieldPolicy {

    public static final List<String> FIELDS = List.of("contact.name", "contact.email", "contact.phone",
            "case.reason", "case.agent", "case.transcript");
    static final String PREFIX = "consentry.purposes.crm-sync.fields.";

    @Inject
    Config config;

    private Map<String, FieldRule> rules;

    @PostConstruct
    void load() {
        rules = parse(new Settings(key -> config.getOptionalValue(key, String.class)));
    }

    static Map<String, FieldRule> parse(Settings settings) {
        Map<String, FieldRule> parsed = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String value = settings.optional(PREFIX + field).orElse("drop");
            try {
                parsed.put(field, FieldRule.valueOf(value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                settings.problem(PREFIX + field + " '" + value + "' is not clear, token or drop");
            }
        }
        settings.verify("CRM field policy");
        return parsed;
    }

    public FieldRule rule(String field) {
        return rules.getOrDefault(field, FieldRule.DROP);
    }

    public Map<String, FieldRule> all() {
        return Map.copyOf(rules);
    }
}
