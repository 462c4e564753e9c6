package org.consentry.bench;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.consentry.client.HostKeyRing;
import org.consentry.client.Personal;
import org.consentry.client.PersonalFields;
import org.consentry.client.SealedText;
import org.consentry.client.SubjectId;
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

/**
 * Sealing one personal field of a host entity with the client jar (issue 26), the subject's key in memory:
 * the entity listener finds the field, its purpose and its address (table, column, row id), seals the value
 * with AES-256-GCM and writes the envelope (csy1. + base64url) back into the entity. Against: raw AES-GCM
 * of the same bytes with the same associated data (JCE): with one cipher kept and initialised again with
 * each new nonce (the floor), and with a cipher looked up per value. Target: sealing ≤ 1.5 × raw.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HostSealBenchmark {

    /** A host entity, as a host writes it. */
    @Entity
    @Cacheable(false)
    public static class Ticket implements org.eclipse.persistence.descriptors.changetracking.ChangeTracker {
        @Id
        public String id = "0b7f3c1e-5d2a-4c39-9f1e-2a6b8d4c7e10";
        @SubjectId
        public String customer = "cust-4711";
        @Personal(purpose = "helpdesk-tickets")
        @Convert(converter = SealedText.class)
        public String name;
    }

    static final String NAME = "Anna Kowalska-Wiśniewska";

    Ticket ticket = new Ticket();
    PersonalFields listener = new PersonalFields();
    Method seal;
    SecretKey key;
    byte[] plain = NAME.getBytes(StandardCharsets.UTF_8);
    byte[] address = ("consentry/host/v1|Ticket|name|" + ticket.id).getBytes(StandardCharsets.UTF_8);
    SecureRandom random = new SecureRandom();

    @Setup
    public void setUp() throws Exception {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        key = new SecretKeySpec(raw, "AES");
        HostKeyRing ring = new HostKeyRing();
        Fields.set(ring, "maxTtl", Duration.ofMinutes(1));
        Fields.set(ring, "capacity", 100_000);
        // the subject's key as Consentry gave it: what the first write of the subject would have fetched
        Class<?> keyType = Class.forName("org.consentry.client.HostKeyRing$Key");
        Class<?> heldType = Class.forName("org.consentry.client.HostKeyRing$Held");
        Constructor<?> newKey = keyType.getDeclaredConstructor(String.class, String.class);
        Class<?> fieldKeyType = Class.forName("org.consentry.client.SubjectFieldKey");
        Constructor<?> newFieldKey = fieldKeyType.getDeclaredConstructor(SecretKey.class);
        newFieldKey.setAccessible(true);
        Constructor<?> newHeld = heldType.getDeclaredConstructor(fieldKeyType, long.class);
        newKey.setAccessible(true);
        newHeld.setAccessible(true);
        java.lang.reflect.Field held = HostKeyRing.class.getDeclaredField("held");
        held.setAccessible(true);
        @SuppressWarnings("unchecked")
        Map<Object, Object> map = (Map<Object, Object>) held.get(ring);
        map.put(newKey.newInstance(ticket.customer, "helpdesk-tickets"), newHeld.newInstance(newFieldKey.newInstance(key), System.nanoTime() + Duration.ofHours(1).toNanos()));
        Fields.set(listener, "keys", ring);
        seal = PersonalFields.class.getDeclaredMethod("seal", Object.class);
        seal.setAccessible(true);
        Method open = PersonalFields.class.getDeclaredMethod("open", Object.class);
        open.setAccessible(true);
        sealOneField();
        if (!ticket.name.startsWith("csy1.")) {
            throw new IllegalStateException("the listener did not seal the field");
        }
        open.invoke(listener, ticket);
        if (!NAME.equals(ticket.name)) {
            throw new IllegalStateException("the sealed field does not open to its value");
        }
    }

    @Benchmark
    public Object sealOneField() throws Exception {
        ticket.name = NAME;
        seal.invoke(listener, ticket);
        return ticket.name;
    }

    Cipher reused;

    /** The floor: one Cipher kept and initialised again with each new nonce. */
    @Benchmark
    public byte[] rawAesGcmReusedCipher() throws Exception {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        if (reused == null) {
            reused = Cipher.getInstance("AES/GCM/NoPadding");
        }
        reused.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        reused.updateAAD(address);
        return reused.doFinal(plain);
    }

    /** A cipher looked up for every value. */
    @Benchmark
    public byte[] rawAesGcmNewCipher() throws Exception {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(address);
        return cipher.doFinal(plain);
    }
}
