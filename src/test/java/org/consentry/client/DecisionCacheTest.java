package org.consentry.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DecisionCacheTest {

    final AtomicLong now = new AtomicLong(1_000);
    final DecisionCache cache = new DecisionCache(3, now::get);
    final DecisionCache.Key anna = new DecisionCache.Key("s-anna", "crm-sync");

    @Test
    void anAnswerLastsAsLongAsAllowedThenIsAskedAgain() {
        cache.put(anna, true, 100);
        assertEquals(Boolean.TRUE, cache.get(anna));
        now.addAndGet(99);
        assertEquals(Boolean.TRUE, cache.get(anna));
        now.addAndGet(1);
        assertNull(cache.get(anna), "expired");
        assertEquals(0, cache.size(), "and gone");
    }

    @Test
    void aRefusalIsRememberedTooAndAPushedChangeDropsIt() {
        cache.put(anna, false, 100);
        assertEquals(Boolean.FALSE, cache.get(anna));
        cache.forget(anna);
        assertNull(cache.get(anna));
    }

    @Test
    void nothingIsRememberedWithoutTime() {
        cache.put(anna, true, 0);
        assertNull(cache.get(anna));
    }

    @Test
    void aFullCacheDropsExpiredAnswersFirstAndNeverGrowsPastItsCapacity() {
        cache.put(new DecisionCache.Key("a", "p"), true, 10);
        cache.put(new DecisionCache.Key("b", "p"), true, 1_000);
        cache.put(new DecisionCache.Key("c", "p"), true, 1_000);
        now.addAndGet(10);
        cache.put(anna, true, 1_000);
        assertEquals(3, cache.size(), "the expired one made room");
        assertEquals(Boolean.TRUE, cache.get(new DecisionCache.Key("b", "p")));
        cache.put(new DecisionCache.Key("d", "p"), true, 1_000);
        assertEquals(1, cache.size(), "full of live answers: started over");
    }
}
