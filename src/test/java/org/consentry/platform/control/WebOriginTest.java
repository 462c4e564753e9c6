package org.consentry.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebOriginTest {

    @Test
    void anOriginIsSchemeHostAndPortWithTheDefaultPortFilledIn() {
        assertEquals(Optional.of(new WebOrigin("https", "helpdesk.example.com", 443)), WebOrigin.parse("https://helpdesk.example.com"));
        assertEquals(WebOrigin.parse("https://helpdesk.example.com"), WebOrigin.parse("HTTPS://Helpdesk.Example.COM:443"));
        assertEquals(Optional.of(new WebOrigin("http", "localhost", 80)), WebOrigin.parse("http://localhost"));
        assertEquals(Optional.of(new WebOrigin("https", "localhost", 19183)), WebOrigin.parse("https://localhost:19183"));
        assertEquals(Optional.of(new WebOrigin("https", "[::1]", 8443)), WebOrigin.parse("https://[::1]:8443"));
    }

    @Test
    void whatIsNotExactlyAnOriginIsNone() {
        for (String text : new String[] {null, "", "null", "helpdesk.example.com", "//helpdesk.example.com",
                "https://", "https://helpdesk.example.com/", "https://helpdesk.example.com/console",
                "https://helpdesk.example.com?x=1", "https://helpdesk.example.com#x", "https://user@helpdesk.example.com",
                "ftp://helpdesk.example.com", "file:///etc/passwd", "javascript:alert(1)", "https://bad host",
                "https://helpdesk.example.com:99999", "https://" + "a".repeat(300) + ".example"}) {
            assertEquals(Optional.empty(), WebOrigin.parse(text), text);
        }
    }

    @Test
    void originsDifferingInSchemeHostOrPortAreDifferent() {
        WebOrigin console = WebOrigin.parse("https://helpdesk.example.com").orElseThrow();
        for (String other : new String[] {"http://helpdesk.example.com", "https://helpdesk.example.com:8443",
                "https://helpdesk.example.com.evil.example", "https://evil-helpdesk.example.com", "https://example.com",
                "https://sub.helpdesk.example.com"}) {
            assertTrue(!console.equals(WebOrigin.parse(other).orElseThrow()), other);
        }
    }
}
