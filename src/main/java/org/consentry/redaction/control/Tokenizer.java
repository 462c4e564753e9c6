package org.consentry.redaction.control;

import org.consentry.redaction.entity.PiiType;

/**
 * Turns a value into the text that replaces it, for {@link org.consentry.redaction.entity.Operator#TOKENIZE}:
 * the service stores the value sealed and answers with a reversible token. Must not return null.
 */
@FunctionalInterface
public interface Tokenizer {

    String tokenize(PiiType type, String value);
}
