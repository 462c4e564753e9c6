package org.consentry.testing;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for something the server does in the background (a worker, a re-stamp), or fails saying what. */
public final class Eventually {

    private Eventually() {
    }

    public static void until(String what, Duration within, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}
