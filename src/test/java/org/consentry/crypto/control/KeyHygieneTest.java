package org.consentry.crypto.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

/** Rotation is advised before a key reaches the AES-GCM bound, and only for what can act on it. */
@Proves(Duty.GDPR_32)
class KeyHygieneTest {

    static final long ADVISE = 1L << 30;
    static final KeyHygiene.DataKeyUsage QUIET = new KeyHygiene.DataKeyUsage(3, 12, 6, 0);

    @Test
    void thePrimaryVersionPastTheAdviceIsToBeRotated() {
        KeyHygiene hygiene = KeyHygiene.assess(ADVISE, 2, List.of(
                new KeyHygiene.Counted(1, true, Instant.parse("2026-11-01T00:00:00Z"), ADVISE + 5, 0),
                new KeyHygiene.Counted(2, true, null, ADVISE, 3)), QUIET);
        assertTrue(hygiene.rotationAdvised());
        assertEquals(1L << 32, hygiene.limit());
        assertTrue(hygiene.kekVersions().get(1).overAdvice());
        assertTrue(hygiene.kekVersions().get(1).primary());
        assertEquals(1, hygiene.advice().size(), hygiene.advice()::toString);
        assertTrue(hygiene.advice().get(0).startsWith("KEK version 2 has made " + ADVISE + " encryptions"));
    }

    @Test
    void belowTheAdviceNothingIsToBeRotatedButAnUnusedOldVersionIsToBeRetired() {
        KeyHygiene hygiene = KeyHygiene.assess(ADVISE, 2, List.of(
                new KeyHygiene.Counted(1, true, null, ADVISE + 5, 0),
                new KeyHygiene.Counted(2, true, null, ADVISE - 1, 3)), QUIET);
        assertFalse(hygiene.rotationAdvised(), "an old version past the advice encrypts nothing more");
        assertEquals(List.of("KEK version 1 wraps no data key any more: retire it (POST /api/v1/keys/versions/1/retirement),"
                + " then remove it from the keystores."), hygiene.advice());
    }

    @Test
    void dataKeysPastTheAdviceAreNamedByCount() {
        KeyHygiene hygiene = KeyHygiene.assess(100, 1, List.of(new KeyHygiene.Counted(1, true, null, 3, 3)),
                new KeyHygiene.DataKeyUsage(3, 250, 150, 2));
        assertFalse(hygiene.rotationAdvised());
        assertTrue(hygiene.advice().get(0).startsWith("2 subject data keys have sealed more than 100 values"));
    }

    @Test
    void anAdviceBeyondTheBoundIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> KeyHygiene.assess((1L << 32) + 1, 1, List.of(), QUIET));
        assertThrows(IllegalArgumentException.class, () -> KeyHygiene.assess(0, 1, List.of(), QUIET));
    }
}
