package org.consentry.crypto.control.pkcs11;

import com.google.crypto.tink.Aead;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * A KEK version in the token: AES-256-GCM computed by the token (CKM_AES_GCM through SunPKCS11), the key
 * only a handle. The output is the keystore custody's form, IV (12 bytes) | ciphertext | tag (16 bytes), so
 * a data key wrapped either way has one layout and a KEK imported into the token keeps opening its wraps.
 */
final class TokenAead implements Aead {

    private static final int IV = 12;
    private static final int TAG_BITS = 128;

    private final Provider provider;
    private final Key key;
    private final SecureRandom random = new SecureRandom();

    TokenAead(Provider provider, Key key) {
        this.provider = provider;
        this.key = key;
    }

    @Override
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
        byte[] iv = new byte[IV];
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        if (associatedData != null) {
            cipher.updateAAD(associatedData);
        }
        byte[] sealed = cipher.doFinal(plaintext);
        return ByteBuffer.allocate(IV + sealed.length).put(iv).put(sealed).array();
    }

    @Override
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
        if (ciphertext.length < IV + TAG_BITS / 8) {
            throw new GeneralSecurityException("ciphertext too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding", provider);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, 0, IV));
        if (associatedData != null) {
            cipher.updateAAD(associatedData);
        }
        return cipher.doFinal(ciphertext, IV, ciphertext.length - IV);
    }
}
