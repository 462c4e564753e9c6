package org.consentry.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The client a refused token claims: read without trust, bounded, and nothing from what is not a JWT. */
class ClaimedClientTest {

    private static String bearer(String payload) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void azpFirstThenClientId() {
        assertEquals(Optional.of("bot-a"), ClaimedClient.of(bearer("{\"azp\":\"bot-a\",\"client_id\":\"bot-b\"}")));
        assertEquals(Optional.of("bot-b"), ClaimedClient.of(bearer("{\"client_id\":\"bot-b\"}")));
        assertEquals(Optional.of("bot-a"), ClaimedClient.of(bearer("{\"azp\":\"bot-a\"}").replace("Bearer", "bearer")));
    }

    @Test
    void whatIsNotATokenWithAStringClaimNamesNoClient() {
        assertEquals(Optional.empty(), ClaimedClient.of(null));
        assertEquals(Optional.empty(), ClaimedClient.of("Basic YWdlbnQxOmd1ZXNz"));
        assertEquals(Optional.empty(), ClaimedClient.of("Bearer not-a-jwt"));
        assertEquals(Optional.empty(), ClaimedClient.of("Bearer a.!!!.c"));
        assertEquals(Optional.empty(), ClaimedClient.of(bearer("[1,2]")));
        assertEquals(Optional.empty(), ClaimedClient.of(bearer("{\"azp\":42}")));
        assertEquals(Optional.empty(), ClaimedClient.of(bearer("{\"sub\":\"jan\"}")));
        assertEquals(Optional.empty(), ClaimedClient.of(bearer("{\"azp\":\"" + "x".repeat(257) + "\"}")));
        assertEquals(Optional.empty(), ClaimedClient.of(bearer("{\"azp\":\"" + "x".repeat(9_000) + "\"}")),
                "a header past 8 KiB is not read");
    }

    @Test
    void onlyIdentifiersPassTheTagSyntax() {
        assertTrue(ClaimedClient.SYNTAX.matcher("bot-a.eu_1:prod").matches());
        assertFalse(ClaimedClient.SYNTAX.matcher("jan.kowalski@example.com").matches());
        assertFalse(ClaimedClient.SYNTAX.matcher("bot a").matches());
        assertFalse(ClaimedClient.SYNTAX.matcher("-bot").matches());
        assertFalse(ClaimedClient.SYNTAX.matcher("b".repeat(65)).matches());
    }
}
