package org.consentry.consent.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.consentry.consent.entity.LawfulBasis;
import org.consentry.platform.control.Settings;
import org.junit.jupiter.api.Test;

/** Purposes read from configuration; a bad configuration is refused with every problem named. */
class PurposeCatalogTest {

    private static Settings settings(Map<String, String> values) {
        return new Settings(key -> Optional.ofNullable(values.get(key)));
    }

    private static Map<String, String> valid() {
        Map<String, String> config = new HashMap<>();
        config.put("consentry.purposes", "support-handoff, order-support");
        config.put("consentry.purposes.support-handoff.basis", "consent");
        config.put("consentry.purposes.support-handoff.notice-version", "2026-11");
        config.put("consentry.purposes.support-handoff.accepted-notice-versions", "2026-06,2026-09");
        config.put("consentry.purposes.support-handoff.consent-valid-for", "P2Y");
        config.put("consentry.purposes.support-handoff.categories", "contact,transcript");
        config.put("consentry.purposes.support-handoff.text.en", "Handoff");
        config.put("consentry.purposes.support-handoff.text.pl", "Przekazanie");
        config.put("consentry.purposes.order-support.basis", "legitimate-interests");
        config.put("consentry.purposes.order-support.notice-version", "1");
        config.put("consentry.purposes.order-support.text.en", "Orders");
        config.put("consentry.purposes.order-support.text.pl", "Zamówienia");
        return config;
    }

    @Test
    void readsEveryMemberOfAPurpose() {
        var purposes = PurposeCatalog.parse(settings(valid()));
        assertEquals(List.of("support-handoff", "order-support"), List.copyOf(purposes.keySet()));
        var handoff = purposes.get("support-handoff");
        assertEquals(LawfulBasis.CONSENT, handoff.basis());
        assertEquals(Set.of("2026-11", "2026-06", "2026-09"), handoff.acceptedNoticeVersions());
        assertEquals(Optional.of(Period.ofYears(2)), handoff.consentValidFor());
        assertEquals(List.of("contact", "transcript"), handoff.categories());
        assertEquals("Przekazanie", handoff.text("pl"));
        assertEquals("Handoff", handoff.text("de"), "unknown languages fall back to English");
        assertEquals(LawfulBasis.LEGITIMATE_INTERESTS, purposes.get("order-support").basis());
        assertEquals(Set.of("1"), purposes.get("order-support").acceptedNoticeVersions());
    }

    @Test
    void refusesABadConfigurationNamingEveryProblem() {
        var config = valid();
        config.put("consentry.purposes.support-handoff.basis", "because");
        config.remove("consentry.purposes.order-support.text.pl");
        config.put("consentry.purposes.support-handoff.consent-valid-for", "two years");
        config.put("consentry.purposes", "support-handoff,order-support,Bad_Id");
        var error = assertThrows(IllegalStateException.class, () -> PurposeCatalog.parse(settings(config)));
        String message = error.getMessage();
        assertTrue(message.contains("consentry.purposes.support-handoff.basis 'because'"), message);
        assertTrue(message.contains("missing consentry.purposes.order-support.text.pl"), message);
        assertTrue(message.contains("consent-valid-for 'two years'"), message);
        assertTrue(message.contains("purpose id 'Bad_Id'"), message);
    }

    @Test
    void refusesAnEmptyList() {
        assertThrows(IllegalStateException.class, () -> PurposeCatalog.parse(settings(Map.of())));
    }
}
