package org.consentry.retention.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.consentry.platform.control.Settings;
import org.consentry.retention.entity.RetentionAction;
import org.consentry.retention.entity.RetentionStart;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

@Proves(Duty.GDPR_5_1_E)
class CategoryCatalogTest {

    private static Map<String, String> valid() {
        Map<String, String> config = new HashMap<>();
        config.put("consentry.categories", "contact,activity");
        config.put("consentry.retention.contact.period", "P30D");
        config.put("consentry.retention.contact.starts", "relationship-end");
        config.put("consentry.categories.contact.description.en", "Contact");
        config.put("consentry.categories.contact.description.pl", "Kontakt");
        config.put("consentry.retention.activity.period", "P2Y");
        config.put("consentry.retention.activity.action", "anonymize");
        config.put("consentry.categories.activity.description.en", "Activity");
        config.put("consentry.categories.activity.description.pl", "Aktywność");
        return config;
    }

    @Test
    void readsPeriodsActionsAndStarts() {
        var categories = CategoryCatalog.parse(new Settings(k -> Optional.ofNullable(valid().get(k))));
        assertEquals(Period.ofDays(30), categories.get("contact").period());
        assertEquals(RetentionStart.RELATIONSHIP_END, categories.get("contact").starts());
        assertEquals(RetentionAction.DELETE, categories.get("contact").action(), "DELETE is the default action");
        assertEquals(Period.ofYears(2), categories.get("activity").period());
        assertEquals(RetentionAction.ANONYMIZE, categories.get("activity").action());
        assertEquals(RetentionStart.COLLECTION, categories.get("activity").starts(), "collection is the default start");
    }

    @Test
    void refusesPeriodsThatAreNotPositive() {
        assertThrows(DateTimeParseException.class, () -> CategoryCatalog.parsePeriod("P0D"));
        assertThrows(DateTimeParseException.class, () -> CategoryCatalog.parsePeriod("P-1D"));
        assertThrows(DateTimeParseException.class, () -> CategoryCatalog.parsePeriod("90 days"));
        assertThrows(DateTimeParseException.class, () -> CategoryCatalog.parsePeriod("P9999Y"), "a typo, and past TIMESTAMP's range");
        assertThrows(DateTimeParseException.class, () -> CategoryCatalog.parsePeriod("P36526D"));
        assertEquals(Period.ofYears(100), CategoryCatalog.parsePeriod("P100Y"));
        var config = valid();
        config.put("consentry.retention.contact.period", "PT1H");
        config.put("consentry.retention.activity.action", "shred");
        var error = assertThrows(IllegalStateException.class,
                () -> CategoryCatalog.parse(new Settings(k -> Optional.ofNullable(config.get(k)))));
        assertTrue(error.getMessage().contains("consentry.retention.contact.period 'PT1H'"), error.getMessage());
        assertTrue(error.getMessage().contains("consentry.retention.activity.action 'shred'"), error.getMessage());
    }
}
