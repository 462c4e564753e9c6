package org.consentry.retention.entity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepRunTest {

    @Test
    void batchesAddUpPerCategoryAndInAll() {
        SweepRun run = new SweepRun("admin", Instant.parse("2026-11-29T10:00:00Z"));
        run.add("transcript", RetentionAction.DELETE, 10_000);
        run.add("transcript", RetentionAction.DELETE, 17);
        run.add("activity", RetentionAction.ANONYMIZE, 3);
        run.add("activity", RetentionAction.DELETE, 12);
        run.add("technical", RetentionAction.DELETE, 0);
        assertEquals(10_029, run.deleted());
        assertEquals(3, run.anonymized());
        assertArrayEquals(new long[] {10_017, 0}, run.counts().get("transcript"));
        assertArrayEquals(new long[] {12, 3}, run.counts().get("activity"));
        assertEquals(List.of("transcript", "activity"), List.copyOf(run.counts().keySet()), "a category with nothing is left out");
        assertEquals("{\"transcript\":{\"deleted\":10017,\"anonymized\":0},\"activity\":{\"deleted\":12,\"anonymized\":3}}",
                run.byCategory());
    }

    @Test
    void aRunIsRunningUntilFinished() {
        SweepRun run = new SweepRun("system", Instant.parse("2026-11-29T10:00:00Z"));
        assertTrue(run.isRunning());
        run.finish(Instant.parse("2026-11-29T10:00:01.123456Z"));
        assertFalse(run.isRunning());
        assertEquals("DONE", run.status());
        assertEquals(Instant.parse("2026-11-29T10:00:01.123Z"), run.finishedAt());
    }
}
