package org.consentry.crypto.control;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Where the key-encryption keys live (consentry.kek.custody): {@code keystore}, a PKCS#12 file whose keys
 * the server reads into memory ({@link KeystoreCustody}, the default), or {@code pkcs11}, a token whose keys
 * never leave it (the vendor package {@code crypto.control.pkcs11}, found through CDI by its name). A KEK
 * version is an {@link Aead} either way: AES-256-GCM with a 12-byte IV and a 16-byte tag, written as
 * IV | ciphertext | tag, so a wrapped data key has the same form whichever custody made it.
 */
public interface KeyCustody {

    /** The value of consentry.kek.custody that selects it. */
    String name();

    /**
     * Opens the custody at start. Fails with an {@link IllegalStateException} whose message says what is wrong
     * (file, library, slot, login) and never a secret: the application then does not start.
     */
    void open();

    /** The KEK versions held now, by version number, read again from the custody. */
    NavigableMap<Integer, Aead> keks() throws IOException, GeneralSecurityException;

    /** The version as the custody holds it now, looked up again rather than from memory (readiness). */
    Optional<Aead> reread(int version) throws IOException, GeneralSecurityException;

    /** Whether a rotation may create the next version here (otherwise an operator adds it). */
    boolean createsVersions();

    /** Creates KEK version {@code version} in the custody. */
    Aead create(int version) throws IOException, GeneralSecurityException;

    /**
     * Destroys a retired version where the custody can (a token); false where it is the operator's to remove
     * (a keystore file and its backups).
     */
    boolean destroy(int version) throws IOException, GeneralSecurityException;

    /** The audit trail's keys, kept by the same custody. */
    AuditKeys audit() throws IOException, GeneralSecurityException;

    /** Where the keys are, for messages and logs: never a secret. */
    String where();

    /** Whether these are development keys generated on this machine. */
    default boolean development() {
        return false;
    }
}
