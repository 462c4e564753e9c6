package org.consentry.crypto.control.pkcs11;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.subtle.AesGcmJce;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.consentry.crypto.control.DataKeys;
import org.consentry.crypto.control.FieldCipher;
import org.consentry.crypto.entity.FieldAddress;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the key custody costs per data key (docs/benchmarks.md, "KEKs in a PKCS#11 token"): a data key's
 * unwrap and wrap under a KEK in the keystore custody (Tink's AES-GCM over the key in memory) and in the
 * pkcs11 custody (AES-GCM computed by the SoftHSM2 token of scripts/ci/softhsm-token.sh, through SunPKCS11);
 * and a handoff's sealing of three personal fields as SubjectKeys serves it, with the subject's data key
 * in the cache (hit) and not (miss: one unwrap through the custody, then the seal).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class KekCustodyBenchmark {

    static final String SUBJECT = "5f0c1f1e-0000-4000-8000-000000000001";
    static final FieldAddress[] FIELDS = {new FieldAddress("escalation", "customer_name", SUBJECT),
            new FieldAddress("escalation", "customer_email", SUBJECT), new FieldAddress("escalation", "customer_phone", SUBJECT)};

    @Param({"keystore", "pkcs11"})
    String custody;

    Aead kek;
    KeysetHandle dataKey;
    byte[] wrapped;
    byte[][] values;
    Cache<String, Aead> unwrapped;
    Pkcs11Custody token;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (custody.equals("pkcs11")) {
            SoftHsm hsm = new SoftHsm();
            token = new Pkcs11Custody();
            token.library = Optional.of(hsm.get("library"));
            token.slot = Optional.of(Long.parseLong(hsm.get("slot")));
            token.pin = Optional.empty();
            token.pinFile = Optional.of(hsm.get("pin-file"));
            token.prefix = "bench-" + Long.toHexString(new SecureRandom().nextLong());
            token.generateInitial = true;
            token.open();
            kek = token.keks().get(1);
        } else {
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            kek = new AesGcmJce(raw);
        }
        dataKey = DataKeys.generate();
        wrapped = DataKeys.wrap(dataKey, kek, SUBJECT);
        values = new byte[][] {"Jan Kowalski".getBytes(StandardCharsets.UTF_8),
                "jan.kowalski@example.pl".getBytes(StandardCharsets.UTF_8), "+48 600 100 200".getBytes(StandardCharsets.UTF_8)};
        unwrapped = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(60)).maximumSize(10_000).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (token != null) {
            token.destroy(1);
            token.token().destroy(token.prefix + "-audit-1");
            token.token().destroy(token.prefix + "-pseudonym-1");
        }
    }

    @Benchmark
    public KeysetHandle unwrapDataKey() {
        return DataKeys.unwrap(wrapped, kek, SUBJECT);
    }

    @Benchmark
    public byte[] wrapDataKey() {
        return DataKeys.wrap(dataKey, kek, SUBJECT);
    }

    /** A handoff whose subject's data key is cached: the custody is not asked. */
    @Benchmark
    public byte[][] handoffSealCacheHit() {
        Aead key = unwrapped.get(SUBJECT, s -> DataKeys.aead(DataKeys.unwrap(wrapped, kek, s)));
        return seal(key);
    }

    /** A handoff whose subject's data key is not cached: one unwrap through the custody, then the same seal. */
    @Benchmark
    public byte[][] handoffSealCacheMiss() {
        unwrapped.invalidate(SUBJECT);
        Aead key = unwrapped.get(SUBJECT, s -> DataKeys.aead(DataKeys.unwrap(wrapped, kek, s)));
        return seal(key);
    }

    private byte[][] seal(Aead key) {
        byte[][] sealed = new byte[FIELDS.length][];
        for (int i = 0; i < FIELDS.length; i++) {
            sealed[i] = FieldCipher.seal(key, FIELDS[i], values[i]);
        }
        return sealed;
    }
}
