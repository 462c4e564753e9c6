package org.consentry.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PublicOriginsTest {

    @Test
    void publicOriginsAreAListOfExactOrigins() {
        assertEquals(Set.of(), PublicOrigins.parse(""));
        assertEquals(Set.of(new WebOrigin("https", "helpdesk.example.com", 443), new WebOrigin("https", "localhost", 19183)),
                PublicOrigins.parse(" https://helpdesk.example.com , https://localhost:19183,"));
    }

    @Test
    void aPublicOriginThatIsNotExactStopsTheStart() {
        for (String wrong : new String[] {"https://helpdesk.example.com/", "helpdesk.example.com", "*.example.com",
                "https://*.example.com", "null", "https://helpdesk.example.com/console"}) {
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> PublicOrigins.parse("https://localhost:19183," + wrong), wrong);
            assertTrue(refused.getMessage().contains(PublicOrigins.KEY) && refused.getMessage().contains(wrong), refused.getMessage());
        }
    }
}
