package org.consentry.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests that deploy the helpers: the system clock plus an offset a test
 * moves (a year on, past a retention period) and puts back. One per deployment (a static of the WAR's
 * class loader), produced in place of Clocks' system clock.
 */
public final class MovableClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    public static void moveBy(Duration by) {
        offset = offset.plus(by);
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** Puts the movable clock in place of the system clock. */
    @ApplicationScoped
    @Alternative
    @Priority(Interceptor.Priority.APPLICATION + 100)
    public static class Producer {

        private static final MovableClock CLOCK = new MovableClock();

        @Produces
        Clock clock() {
            return CLOCK;
        }
    }
}
