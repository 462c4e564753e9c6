package org.consentry.client;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;

/**
 * A subject's key for {@link Personal} fields as the host holds it, with a few ciphers of its own to seal
 * and open with (looking a cipher up costs four times the sealing: see docs/benchmarks.md). The ciphers
 * hold the key's schedule, so they live and go with the key: when the key ring drops the key, nothing of it
 * stays in use.
 */
final class SubjectFieldKey {

    private static final int IDLE_CIPHERS = 8;

    private final SecretKey key;
    private final BlockingQueue<Cipher> idle = new ArrayBlockingQueue<>(IDLE_CIPHERS);

    SubjectFieldKey(SecretKey key) {
        this.key = key;
    }

    String seal(byte[] address, String value) {
        Cipher cipher = take();
        try {
            return FieldSeal.seal(cipher, key, address, value);
        } finally {
            idle.offer(cipher);
        }
    }

    String open(byte[] address, String sealed) {
        Cipher cipher = take();
        try {
            return FieldSeal.open(cipher, key, address, sealed);
        } finally {
            idle.offer(cipher);
        }
    }

    private Cipher take() {
        Cipher cipher = idle.poll();
        return cipher != null ? cipher : FieldSeal.cipher();
    }
}
