package org.consentry.redaction.entity;

import java.util.List;

/** A text with its personal data replaced, and what was replaced where (offsets into {@code text}). */
public record RedactedText(String text, List<Replacement> replacements) {

    public RedactedText {
        replacements = List.copyOf(replacements);
    }
}
