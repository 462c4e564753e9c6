package org.consentry.notice.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrivacyNoticeResourceTest {

    @Test
    void acceptLanguagePicksPolishOrFallsBackToEnglish() {
        assertEquals("pl", PrivacyNoticeResource.preferred("pl-PL,pl;q=0.9,en-US;q=0.8"));
        assertEquals("en", PrivacyNoticeResource.preferred("en-GB"));
        assertEquals("pl", PrivacyNoticeResource.preferred("de;q=0.9, pl;q=0.5"));
        assertEquals("en", PrivacyNoticeResource.preferred("fr"));
        assertEquals("en", PrivacyNoticeResource.preferred(null));
        assertEquals("en", PrivacyNoticeResource.preferred(";;;=="));
    }
}
