package org.consentry.crypto.entity;

/**
 * A key operation to be audited (a rotation started, its re-wrapping finished or failed), fired
 * synchronously in the transaction that did it. {@code job} names the background job that did it,
 * or is null when the caller did.
 */
public record KeyOperation(String action, boolean succeeded, String detail, String job) {
}
