package org.consentry.escalation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.consentry.platform.control.ProblemException;
import org.junit.jupiter.api.Test;

/** The callback allow-list: no address a request chose freely is ever called. */
class CallbackTargetsTest {

    static CallbackTargets targets(boolean allowHttp) {
        CallbackTargets t = new CallbackTargets();
        t.allowedHosts = List.of("bot.example.com", " LOCALHOST ");
        t.allowHttp = allowHttp;
        return t;
    }

    @Test
    void anAllowedHttpsHostIsTaken() {
        assertEquals(Optional.of("https://bot.example.com/hook?x=1"), targets(false).check("https://bot.example.com/hook?x=1"));
        assertEquals(Optional.of("https://Bot.Example.com:8443/h"), targets(false).check("https://Bot.Example.com:8443/h"));
        assertEquals(Optional.empty(), targets(false).check(null));
        assertEquals(Optional.of("http://localhost:8080/h"), targets(true).check("http://localhost:8080/h"));
    }

    @Test
    void everythingElseIsRefused() {
        for (String url : List.of("http://bot.example.com/h", "https://evil.example.com/h", "https://bot.example.com.evil.org/h",
                "https://user:pw@bot.example.com/h", "https://bot.example.com/h#x", "file:///etc/passwd",
                "https://169.254.169.254/latest", "gopher://bot.example.com/", "not a url", "https:///nohost")) {
            ProblemException refused = assertThrows(ProblemException.class, () -> targets(false).check(url), url);
            assertEquals("callbackUrl", refused.members().get("field"));
        }
    }
}
