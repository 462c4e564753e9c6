package org.consentry.erasure.entity;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** A delivery's outcome as the recipient answered it: DELIVERED (with when), PENDING or FAILED, and what it said. */
public record Receipt(String status, Instant at, String detail) {

    public boolean delivered() {
        return "DELIVERED".equals(status);
    }

    /**
     * Several recipients' receipts as one (by recipient): DELIVERED once every one is (at the latest), FAILED
     * if any failed or was cancelled, else PENDING; UNKNOWN when none is kept.
     */
    public static Receipt combined(Map<String, Receipt> each) {
        if (each.isEmpty()) {
            return new Receipt("UNKNOWN", null, "the delivery's record is no longer kept");
        }
        String detail = each.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().status()
                + (e.getValue().detail() == null ? "" : " (" + e.getValue().detail() + ")")).collect(Collectors.joining("; "));
        if (each.values().stream().allMatch(Receipt::delivered)) {
            return new Receipt("DELIVERED", each.values().stream().map(Receipt::at).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(null), detail);
        }
        boolean failed = each.values().stream().anyMatch(r -> r.status().equals("FAILED") || r.status().equals("CANCELLED"));
        return new Receipt(failed ? "FAILED" : "PENDING", null, detail);
    }
}
