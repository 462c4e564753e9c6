package org.consentry.consent.entity;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A purpose of processing as configured: its lawful basis, the notice version a consent must have
 * been given under to count, how long a consent lasts (if limited), and its text in each language.
 */
public record Purpose(String id, LawfulBasis basis, String noticeVersion, Set<String> acceptedNoticeVersions,
                      Optional<Period> consentValidFor, Map<String, String> texts, List<String> categories,
                      List<String> recipients) {

    public Purpose {
        acceptedNoticeVersions = Set.copyOf(acceptedNoticeVersions);
        texts = Map.copyOf(texts);
        categories = List.copyOf(categories);
        recipients = List.copyOf(recipients);
    }

    public boolean requiresConsent() {
        return basis == LawfulBasis.CONSENT;
    }

    /** A consent given under this notice version still counts (the notice has not changed materially since). */
    public boolean accepts(String version) {
        return acceptedNoticeVersions.contains(version);
    }

    public String text(String language) {
        return texts.getOrDefault(language, texts.get("en"));
    }

    /**
     * Whether a record is a current consent for this purpose at {@code now}: granted, not withdrawn
     * or superseded, given under a notice version still accepted, and not older than the purpose allows.
     */
    public boolean isCurrent(ConsentRecord record, Instant now) {
        if (record == null || !id.equals(record.purpose()) || record.status() != ConsentStatus.GRANTED) {
            return false;
        }
        if (!accepts(record.noticeVersion())) {
            return false;
        }
        return consentValidFor
                .map(p -> record.grantedAt().atOffset(ZoneOffset.UTC).plus(p).toInstant().isAfter(now))
                .orElse(true);
    }
}
