package org.consentry.crypto.boundary;

import java.time.Instant;
import org.consentry.crypto.entity.KeyRotation;

/** A rotation and its progress. */
public record KeyRotationView(String id, int fromVersion, int toVersion, String status, long total, long rewrapped,
                              Instant startedAt, String startedBy, Instant finishedAt) {

    static KeyRotationView of(KeyRotation r) {
        return new KeyRotationView(r.id(), r.fromVersion(), r.toVersion(), r.status().name(), r.total(), r.rewrapped(),
                r.startedAt(), r.startedBy(), r.finishedAt());
    }
}
