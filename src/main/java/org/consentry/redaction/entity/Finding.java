package org.consentry.redaction.entity;

import java.util.Objects;

/** One piece of personal data: its kind and the half-open char range [start, end) of the scanned text. */
public record Finding(PiiType type, int start, int end) {

    public Finding {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("a finding needs 0 <= start < end");
        }
    }

    public int length() {
        return end - start;
    }
}
