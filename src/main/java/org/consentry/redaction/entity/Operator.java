package org.consentry.redaction.entity;

/** What replaces a finding in the redacted text. */
public enum Operator {
    /** a hint that reveals little, e.g. {@code **** 1234} */
    MASK,
    /** a typed placeholder, stable within one conversation, e.g. {@code [EMAIL_1]} */
    PLACEHOLDER,
    /** the text a {@code Tokenizer} returns for the value (the value is kept sealed elsewhere) */
    TOKENIZE,
    /** the bare type label, e.g. {@code [PESEL]}; the value is gone */
    DROP
}
