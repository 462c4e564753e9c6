package org.consentry.platform.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which values of a bot token's client claim name a client that may own escalations. */
class CallerTest {

    @Test
    void aClientNameIsOneTo128CharactersWithoutControlsAndNotReserved() {
        assertTrue(Caller.isClientName("bot-a"));
        assertTrue(Caller.isClientName("0oa1b2c3d4@clients"));
        assertTrue(Caller.isClientName("x".repeat(Caller.MAX_CLIENT)));
        assertFalse(Caller.isClientName(null), "no claim");
        assertFalse(Caller.isClientName(""), "empty");
        assertFalse(Caller.isClientName("   "), "blank");
        assertFalse(Caller.isClientName("x".repeat(Caller.MAX_CLIENT + 1)), "wider than escalation.handed_off_by");
        assertFalse(Caller.isClientName("~unowned"), "the owner V19 gives escalations without one");
        assertFalse(Caller.isClientName("bot\na"), "a control character");
    }
}
