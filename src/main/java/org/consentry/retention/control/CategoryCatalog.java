package org.consentry.retention.control;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.consentry.platform.control.Settings;
import org.consentry.retention.entity.DataCategory;
import org.consentry.retention.entity.RetentionAction;
import org.consentry.retention.entity.RetentionStart;

/**
 * Reads the data categories and their default retention:
 * <pre>
 * consentry.categories=contact,transcript,activity,technical
 * consentry.retention.&lt;id&gt;.period=P90D            (ISO-8601 period, at least one day)
 * consentry.retention.&lt;id&gt;.action=DELETE | ANONYMIZE
 * consentry.retention.&lt;id&gt;.starts=collection | relationship-end
 * consentry.categories.&lt;id&gt;.description.pl / .description.en
 * </pre>
 */
public final class CategoryCatalog {

    public static final List<String> LANGUAGES = List.of("pl", "en");

    private CategoryCatalog() {
    }

    public static Map<String, DataCategory> parse(Settings settings) {
        Map<String, DataCategory> categories = new LinkedHashMap<>();
        List<String> ids = settings.list("consentry.categories");
        if (ids.isEmpty()) {
            settings.problem("consentry.categories lists no category");
        }
        for (String id : ids) {
            if (!id.matches("[a-z][a-z0-9-]{0,31}")) {
                settings.problem("category id '" + id + "' must match [a-z][a-z0-9-]{0,31}");
                continue;
            }
            String retention = "consentry.retention." + id + ".";
            Period period = period(settings, retention + "period");
            RetentionAction action = constant(settings, retention + "action", RetentionAction.class, "DELETE");
            RetentionStart starts = constant(settings, retention + "starts", RetentionStart.class, "collection");
            Map<String, String> descriptions = new LinkedHashMap<>();
            for (String language : LANGUAGES) {
                descriptions.put(language, settings.required("consentry.categories." + id + ".description." + language));
            }
            categories.put(id, new DataCategory(id, period, starts, action, descriptions));
        }
        settings.verify("data category");
        return categories;
    }

    /**
     * Parses a retention period: ISO-8601 date-based, positive ({@code P90D}, {@code P2Y}), at most a
     * hundred years (a longer one is a typo, and its dates would not fit the database's TIMESTAMP).
     */
    public static Period parsePeriod(String value) {
        Period period = Period.parse(value);
        if (period.isNegative() || period.isZero()) {
            throw new DateTimeParseException("retention period must be positive", value, 0);
        }
        java.time.LocalDate from = java.time.LocalDate.of(2000, 1, 1);
        if (from.plus(period).isAfter(from.plusYears(100))) {
            throw new DateTimeParseException("retention period must be at most 100 years", value, 0);
        }
        return period;
    }

    private static Period period(Settings settings, String key) {
        String value = settings.required(key);
        try {
            return parsePeriod(value);
        } catch (DateTimeParseException e) {
            settings.problem(key + " '" + value + "' is not a positive ISO-8601 period such as P90D (at most P100Y)");
            return Period.ofDays(1);
        }
    }

    private static <E extends Enum<E>> E constant(Settings settings, String key, Class<E> type, String fallback) {
        String value = settings.optional(key).orElse(fallback);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            settings.problem(key + " '" + value + "' is not one of " + List.of(type.getEnumConstants()));
            return type.getEnumConstants()[0];
        }
    }
}
