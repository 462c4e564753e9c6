package org.consentry.consent.control;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.consentry.consent.entity.LawfulBasis;
import org.consentry.consent.entity.Purpose;
import org.consentry.platform.control.Settings;

/**
 * Reads the purposes of processing from configuration:
 * <pre>
 * consentry.purposes=support-handoff,crm-sync
 * consentry.purposes.&lt;id&gt;.basis=consent | contract | legal-obligation | vital-interests | public-task | legitimate-interests
 * consentry.purposes.&lt;id&gt;.notice-version=2026-11          (the notice a grant must cite)
 * consentry.purposes.&lt;id&gt;.accepted-notice-versions=...     (older notices whose consents still count; default: the current one)
 * consentry.purposes.&lt;id&gt;.consent-valid-for=P2Y            (optional: consents expire)
 * consentry.purposes.&lt;id&gt;.categories=contact,transcript
 * consentry.purposes.&lt;id&gt;.recipients=crm
 * consentry.purposes.&lt;id&gt;.text.pl / .text.en
 * </pre>
 */
public final class PurposeCatalog {

    public static final List<String> LANGUAGES = List.of("pl", "en");
    private static final String ID = "[a-z0-9][a-z0-9-]{0,63}";

    private PurposeCatalog() {
    }

    public static Map<String, Purpose> parse(Settings settings) {
        Map<String, Purpose> purposes = new LinkedHashMap<>();
        List<String> ids = settings.list("consentry.purposes");
        if (ids.isEmpty()) {
            settings.problem("consentry.purposes lists no purpose");
        }
        for (String id : ids) {
            if (!id.matches(ID)) {
                settings.problem("purpose id '" + id + "' must match " + ID);
                continue;
            }
            String prefix = "consentry.purposes." + id + ".";
            LawfulBasis basis = basis(settings, prefix + "basis");
            String notice = settings.required(prefix + "notice-version");
            Set<String> accepted = new LinkedHashSet<>(settings.list(prefix + "accepted-notice-versions"));
            accepted.add(notice);
            Optional<Period> validFor = settings.optional(prefix + "consent-valid-for").flatMap(v -> period(settings, prefix, v));
            Map<String, String> texts = new LinkedHashMap<>();
            for (String language : LANGUAGES) {
                texts.put(language, settings.required(prefix + "text." + language));
            }
            purposes.put(id, new Purpose(id, basis, notice, accepted, validFor, texts,
                    settings.list(prefix + "categories"), settings.list(prefix + "recipients")));
        }
        settings.verify("purposes");
        return purposes;
    }

    private static LawfulBasis basis(Settings settings, String key) {
        String value = settings.required(key);
        try {
            return LawfulBasis.valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            settings.problem(key + " '" + value + "' is not a lawful basis of GDPR Art. 6(1)");
            return LawfulBasis.CONSENT;
        }
    }

    private static Optional<Period> period(Settings settings, String prefix, String value) {
        try {
            return Optional.of(Period.parse(value));
        } catch (DateTimeParseException e) {
            settings.problem(prefix + "consent-valid-for '" + value + "' is not an ISO-8601 period such as P1Y");
            return Optional.empty();
        }
    }
}
