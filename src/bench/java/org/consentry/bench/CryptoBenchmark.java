package org.consentry.bench;

import com.google.crypto.tink.Aead;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.consentry.crypto.control.DataKeys;
import org.consentry.crypto.control.FieldCipher;
import org.consentry.crypto.entity.FieldAddress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Sealing one 1 KB field: raw JCE AES-256-GCM (cached Cipher, and Cipher per call) against the project's seal (Tink). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CryptoBenchmark {

    static final FieldAddress ADDRESS = new FieldAddress("escalation", "transcript", "5f0c1f1e-0000-4000-8000-000000000001");

    byte[] field;
    byte[] associatedData;
    SecretKeySpec rawKey;
    Cipher cachedCipher;
    final SecureRandom random = new SecureRandom();
    final byte[] iv = new byte[12];
    Aead dataKey;

    @Setup
    public void setUp() throws Exception {
        field = "Dzień dobry, mam problem z zamówieniem 12345. ".repeat(24).substring(0, 1024).getBytes(StandardCharsets.UTF_8);
        field = java.util.Arrays.copyOf(field, 1024);
        associatedData = ADDRESS.associatedData();
        byte[] key = new byte[32];
        random.nextBytes(key);
        rawKey = new SecretKeySpec(key, "AES");
        cachedCipher = Cipher.getInstance("AES/GCM/NoPadding");
        dataKey = DataKeys.aead(DataKeys.generate());
    }

    @Benchmark
    public byte[] rawJceCachedCipher() throws Exception {
        random.nextBytes(iv);
        cachedCipher.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, iv));
        cachedCipher.updateAAD(associatedData);
        return cachedCipher.doFinal(field);
    }

    @Benchmark
    public byte[] rawJceCipherPerCall() throws Exception {
        random.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, iv));
        cipher.updateAAD(associatedData);
        return cipher.doFinal(field);
    }

    @Benchmark
    public byte[] consentrySeal() {
        return FieldCipher.seal(dataKey, ADDRESS, field);
    }
}
