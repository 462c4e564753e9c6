package org.consentry.platform.control;

/** One invalid input: the field (JSON member, path or query parameter) and what is wrong with it. */
public record FieldError(String field, String message) {
}
