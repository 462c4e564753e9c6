package org.consentry.auditstream.control;

import org.consentry.audit.control.Checkpoint;

/** One line a sink receives: an audit event or a signed checkpoint (exactly one of the two). */
public record StreamEntry(ShippedEvent event, Checkpoint checkpoint) {

    public static StreamEntry of(ShippedEvent event) {
        return new StreamEntry(event, null);
    }

    public static StreamEntry of(Checkpoint checkpoint) {
        return new StreamEntry(null, checkpoint);
    }

    public boolean isCheckpoint() {
        return checkpoint != null;
    }
}
