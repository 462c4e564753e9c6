package org.consentry.retention.boundary;

import java.time.Instant;
import org.consentry.retention.entity.LegalHold;

public record HoldView(String id, String subjectId, boolean live, String reason, Instant heldAt, String heldBy,
                       Instant releasedAt, String releasedBy) {

    static HoldView of(LegalHold hold) {
        return new HoldView(hold.id(), hold.subjectId(), hold.isLive(), hold.reason(), hold.heldAt(), hold.heldBy(),
                hold.releasedAt(), hold.releasedBy());
    }
}
