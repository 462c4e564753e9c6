package org.consentry.crypto.control;

import com.google.crypto.tink.Aead;
import java.security.GeneralSecurityException;
import org.consentry.crypto.entity.Addresses;
import org.consentry.crypto.entity.FieldAddress;

/** Seals and opens one field value under a data key, bound to its address. */
public final class FieldCipher {

    private FieldCipher() {
    }

    public static byte[] seal(Aead dataKey, FieldAddress address, byte[] plaintext) {
        try {
            return dataKey.encrypt(plaintext, Addresses.associatedData(address));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing " + address + " failed", e);
        }
    }

    /** Opens the value, or fails: a changed byte anywhere, or another address, never yields garbage. */
    public static byte[] open(Aead dataKey, FieldAddress address, byte[] ciphertext) {
        try {
            return dataKey.decrypt(ciphertext, Addresses.associatedData(address));
        } catch (GeneralSecurityException e) {
            throw new SealBrokenException("The sealed value of " + address
                    + " does not open: it was altered, moved from another field or row, or sealed under another key");
        }
    }
}
