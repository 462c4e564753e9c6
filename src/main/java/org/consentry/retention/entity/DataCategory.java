package org.consentry.retention.entity;

import java.time.Period;
import java.util.Map;

/** A category of personal data with its default retention and its description in each language. */
public record DataCategory(String id, Period period, RetentionStart starts, RetentionAction action,
                           Map<String, String> descriptions) {

    public DataCategory {
        descriptions = Map.copyOf(descriptions);
    }

    public String description(String language) {
        return descriptions.getOrDefault(language, descriptions.get("en"));
    }
}
