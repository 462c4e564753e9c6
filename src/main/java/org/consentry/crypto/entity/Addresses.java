package org.consentry.crypto.entity;

/** Gives the cipher the associated data without a defensive copy per call (the cipher never changes it). */
public final class Addresses {

    private Addresses() {
    }

    public static byte[] associatedData(FieldAddress address) {
        return address.associatedDataShared();
    }
}
