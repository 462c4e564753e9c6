package org.consentry.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A metric tag fed by attacker-chosen values keeps its first values and counts the rest as "other". */
class CappedTagsTest {

    @Test
    void theFirstValuesStayAndEveryLaterOneIsOther() {
        CappedTags tags = new CappedTags(2);
        assertEquals("bot-a", tags.tag("bot-a"));
        assertEquals("bot-b", tags.tag("bot-b"));
        assertEquals(CappedTags.OTHER, tags.tag("bot-c"));
        assertEquals(CappedTags.OTHER, tags.tag("bot-d"));
        assertEquals("bot-a", tags.tag("bot-a"), "a known value keeps its own tag after the cap is reached");
        assertEquals(2, tags.size());
    }

    @Test
    void aCapOfZeroTagsEverythingOther() {
        assertEquals(CappedTags.OTHER, new CappedTags(0).tag("bot-a"));
        assertThrows(IllegalArgumentException.class, () -> new CappedTags(-1));
    }

    @Test
    void manyThreadsWithDistinctValuesNeverPassTheCap() throws Exception {
        CappedTags tags = new CappedTags(10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Set<String> seen = new HashSet<>();
            for (Future<String> f : pool.invokeAll(IntStream.range(0, 1_000)
                    .mapToObj(i -> (java.util.concurrent.Callable<String>) () -> tags.tag("v" + i)).toList())) {
                seen.add(f.get());
            }
            assertEquals(11, seen.size(), "ten values and other: " + seen);
            assertEquals(10, tags.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
