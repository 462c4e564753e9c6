package org.consentry.erasure.entity;

import java.time.Instant;

/** A delivery's outcome as the recipient answered it: DELIVERED (with when), PENDING or FAILED, and what it said. */
public record Receipt(String status, Instant at, String detail) {

    public boolean delivered() {
        return "DELIVERED".equals(status);
    }
}
