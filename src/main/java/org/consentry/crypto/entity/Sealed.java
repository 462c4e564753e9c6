package org.consentry.crypto.entity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A personal value in an entity: either waiting to be sealed (set by the application, never written
 * as such) or sealed (what the database holds). Immutable: a new value is a new object, which is how
 * JPA notices the change.
 */
public final class Sealed {

    private final byte[] pending;
    private final byte[] ciphertext;

    private Sealed(byte[] pending, byte[] ciphertext) {
        this.pending = pending;
        this.ciphertext = ciphertext;
    }

    /** A clear value to be sealed when its entity is stored. */
    public static Sealed of(String value) {
        return value == null ? null : new Sealed(value.getBytes(StandardCharsets.UTF_8), null);
    }

    /** What the database holds. */
    public static Sealed stored(byte[] ciphertext) {
        return ciphertext == null ? null : new Sealed(null, ciphertext.clone());
    }

    public boolean isPending() {
        return pending != null;
    }

    /** The clear bytes waiting to be sealed; only the sealing listener reads them. */
    public byte[] pendingBytes() {
        if (pending == null) {
            throw new IllegalStateException("already sealed");
        }
        return pending.clone();
    }

    public byte[] ciphertext() {
        if (ciphertext == null) {
            throw new IllegalStateException("personal value not sealed yet: refusing to expose it as stored");
        }
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Sealed s && ciphertext != null && Arrays.equals(ciphertext, s.ciphertext);
    }

    @Override
    public int hashCode() {
        return ciphertext == null ? System.identityHashCode(this) : Arrays.hashCode(ciphertext);
    }

    /** Never the value: logs and debuggers see only that there is one. */
    @Override
    public String toString() {
        return pending != null ? "Sealed[pending]" : "Sealed[" + ciphertext.length + " bytes]";
    }
}
