package org.consentry.redaction.entity;

/**
 * One replaced finding. {@code start} and {@code end} are offsets into the redacted output text, where
 * {@code replacement} now stands; {@code original} is the value that stood there, or null for
 * {@link Operator#DROP}, whose value is gone. Never log {@code original}: it is personal data.
 */
public record Replacement(PiiType type, Operator operator, int start, int end, String original, String replacement) {

    @Override
    public String toString() {
        // the record's default toString would print the original value
        return "Replacement[" + type + " " + operator + " " + start + ".." + end + "]";
    }
}
