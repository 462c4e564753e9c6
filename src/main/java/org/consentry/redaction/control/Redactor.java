package org.consentry.redaction.control;

import java.util.Objects;
import org.consentry.redaction.entity.Operator;

/** Redacts chat text: one {@link Transcript} per conversation, sharing one scanner. Thread-safe. */
public final class Redactor {

    private final PiiScanner scanner;
    private final ValueKeys keys;

    public Redactor(PiiScanner scanner) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.keys = new ValueKeys(scanner.phones());
    }

    /**
     * @param tokenizer may be null only when the policy never tokenises
     */
    public Transcript newTranscript(RedactionPolicy policy, Tokenizer tokenizer) {
        Objects.requireNonNull(policy, "policy");
        if (tokenizer == null && policy.uses(Operator.TOKENIZE)) {
            throw new IllegalArgumentException("the policy tokenises, so a tokenizer is needed");
        }
        return new Transcript(scanner, keys, policy, tokenizer);
    }
}
