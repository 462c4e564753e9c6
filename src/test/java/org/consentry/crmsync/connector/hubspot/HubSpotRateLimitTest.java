package org.consentry.crmsync.connector.hubspot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consentry.crmsync.control.RecipientSettings;
import org.consentry.platform.control.Settings;
import org.junit.jupiter.api.Test;

/** How long HubSpot's 429 headers make the next attempt wait, and the connector's own start-up checks. */
class HubSpotRateLimitTest {

    static HttpHeaders headers(Map<String, String> values) {
        Map<String, List<String>> all = new java.util.HashMap<>();
        values.forEach((k, v) -> all.put(k, List.of(v)));
        return HttpHeaders.of(all, (k, v) -> true);
    }

    @Test
    void theRollingWindowWhenNothingIsLeftOfIt() {
        assertEquals(Optional.of(Duration.ofMillis(10000)), HubSpotRateLimit.wait(headers(Map.of(
                "X-HubSpot-RateLimit-Interval-Milliseconds", "10000", "X-HubSpot-RateLimit-Remaining", "0"))));
    }

    @Test
    void aSpentDailyLimitWaitsAnHourAndARetryAfterWinsOverEverything() {
        assertEquals(Optional.of(Duration.ofHours(1)), HubSpotRateLimit.wait(headers(Map.of(
                "X-HubSpot-RateLimit-Daily-Remaining", "0", "X-HubSpot-RateLimit-Interval-Milliseconds", "10000",
                "X-HubSpot-RateLimit-Remaining", "0"))));
        assertEquals(Optional.of(Duration.ofSeconds(3)), HubSpotRateLimit.wait(headers(Map.of("Retry-After", "3",
                "X-HubSpot-RateLimit-Daily-Remaining", "0"))));
    }

    @Test
    void theSecondlyWindowAndNoHeadersAtAll() {
        assertEquals(Optional.of(Duration.ofSeconds(1)), HubSpotRateLimit.wait(headers(Map.of(
                "X-HubSpot-RateLimit-Secondly-Remaining", "0", "X-HubSpot-RateLimit-Remaining", "5",
                "X-HubSpot-RateLimit-Interval-Milliseconds", "10000"))));
        assertEquals(Optional.empty(), HubSpotRateLimit.wait(headers(Map.of("X-HubSpot-RateLimit-Remaining", "garbage"))));
    }

    @Test
    void aPropertyNameHubSpotWouldNotTakeOrANonNumericAssociationTypeStopsTheStart() {
        Map<String, String> config = Map.of("consentry.crm.recipient.hs.hubspot.id-property", "Subject Id",
                "consentry.crm.recipient.hs.hubspot.tokens-property", "consentry_tokens",
                "consentry.crm.recipient.hs.hubspot.note-association-type", "note");
        RecipientSettings recipient = new RecipientSettings("hs", "hubspot", "consentry.crm.recipient.hs.",
                Optional.of(URI.create("https://api.hubapi.com")), Optional.of("pat"), Optional.empty(), List.of("crm-sync"),
                Map.of(), k -> Optional.ofNullable(config.get(k)));
        Settings settings = new Settings(k -> Optional.empty());
        new HubSpotConnector().check(recipient, settings, true);
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> settings.verify("CRM recipients"));
        assertEquals("Invalid CRM recipients configuration: consentry.crm.recipient.hs.hubspot.id-property: not a HubSpot"
                + " property name (lower-case letters, digits and _, starting with a letter); consentry.crm.recipient.hs."
                + "hubspot.note-association-type: not a HubSpot association type id (a positive number; 202 is note to contact)",
                refused.getMessage());
    }
}
