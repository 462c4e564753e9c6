package org.consentry.bench;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.subtle.AesGcmJce;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.AuditEvent;
import org.consentry.consent.boundary.ConsentGuard;
import org.consentry.consent.boundary.RequiresConsent;
import org.consentry.consent.control.ConsentDecisions;
import org.consentry.consent.control.ConsentLedger;
import org.consentry.consent.control.PurposeCatalog;
import org.consentry.consent.control.Purposes;
import org.consentry.consent.entity.Purpose;
import org.consentry.crypto.control.DataKeys;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.control.KeyRing;
import org.consentry.crypto.control.SubjectKeyStore;
import org.consentry.crypto.control.SubjectKeys;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.crypto.entity.PersonalData;
import org.consentry.crypto.entity.Sealed;
import org.consentry.crypto.entity.SubjectKey;
import org.consentry.platform.boundary.SubjectId;
import org.consentry.platform.control.Settings;
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
 * The guard chain of a handoff call, in the application's own classes: the ConsentGuard interceptor
 * (purpose lookup, subject found among the arguments, consent decision from its warm cache, the audit
 * entry built and handed over) around a method that creates a customer record whose three personal
 * fields the FieldSealer seals under the subject's cached data key. Against: raw JCE AES-256-GCM of
 * the same three fields with a cached Cipher. Left out on both sides: the database writes (the audit
 * row and the record itself), which the HTTP load figures include.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GuardChainBenchmark {

    static final String NAME = "Katarzyna Wiśniewska";
    static final String EMAIL = "k.wisniewska@example.pl";
    static final String PHONE = "+48 601 234 567";

    /** The record a handoff stores: three personal fields, sealed at persist. */
    @Table(name = "escalation")
    public static class Customer implements DataSubject {
        @Id
        String id;
        String subjectId;
        @PersonalData(category = "contact")
        @Column(name = "customer_name")
        Sealed name;
        @PersonalData(category = "contact")
        @Column(name = "customer_email")
        Sealed email;
        @PersonalData(category = "contact")
        @Column(name = "customer_phone")
        Sealed phone;

        Customer(String id, String subjectId, String name, String email, String phone) {
            this.id = id;
            this.subjectId = subjectId;
            this.name = Sealed.of(name);
            this.email = Sealed.of(email);
            this.phone = Sealed.of(phone);
        }

        public String subjectId() {
            return subjectId;
        }
    }

    /** The guarded method, as a boundary declares it. */
    public static class Handoffs {
        FieldSealer sealer;
        /** Row ids come from a counter: generating a random UUID is the entity's cost, not the guard's. */
        long next;

        @RequiresConsent("support-handoff")
        public Customer handOff(@SubjectId String subjectId, String name, String email, String phone) {
            Customer customer = new Customer("row-" + next++, subjectId, name, email, phone);
            sealer.sealPending(customer);
            return customer;
        }
    }

    /** Counts audit entries instead of inserting rows. */
    static class CountingAuditTrail extends AuditTrail {
        long recorded;

        @Override
        public AuditEvent record(AuditEntry entry) {
            recorded++;
            return null;
        }

        @Override
        public AuditEvent recordIndependently(AuditEntry entry) {
            recorded++;
            return null;
        }
    }

    ConsentGuard guard;
    Handoffs handoffs;
    Method handOff;
    Method guardMethod;
    byte[] associatedData;
    String subject = "cust-4711";
    byte[][] fields;
    SecretKeySpec rawKey;
    Cipher cachedCipher;
    final SecureRandom random = new SecureRandom();
    final byte[] iv = new byte[12];

    @Setup
    public void setUp() throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put("consentry.purposes", "support-handoff");
        config.put("consentry.purposes.support-handoff.basis", "consent");
        config.put("consentry.purposes.support-handoff.notice-version", "2026-11");
        config.put("consentry.purposes.support-handoff.text.en", "Handoff");
        config.put("consentry.purposes.support-handoff.text.pl", "Przekazanie");
        Purposes purposes = new Purposes();
        Fields.set(purposes, "byId", PurposeCatalog.parse(new Settings(k -> Optional.ofNullable(config.get(k)))));

        ConsentLedger ledger = new ConsentLedger() {
            @Override
            public boolean hasCurrentConsent(String subjectId, Purpose purpose) {
                return true;
            }
        };
        ConsentDecisions decisions = Fields.set(new ConsentDecisions(), "ledger", ledger);
        Fields.set(decisions, "ttl", Duration.ofSeconds(5));
        Method init = ConsentDecisions.class.getDeclaredMethod("init");
        init.setAccessible(true);
        init.invoke(decisions);

        byte[] kekBytes = new byte[32];
        random.nextBytes(kekBytes);
        Aead kek = new AesGcmJce(kekBytes);
        byte[] wrapped = DataKeys.wrap(DataKeys.generate(), kek, subject);
        KeyRing ring = new KeyRing() {
            @Override
            public Aead kek(int version) {
                return kek;
            }
        };
        SubjectKeyStore store = new SubjectKeyStore() {
            @Override
            public Optional<SubjectKey> find(String subjectId) {
                return Optional.of(new SubjectKey(subjectId, 1, wrapped, Instant.now()));
            }
        };
        SubjectKeys keys = Fields.set(new SubjectKeys(), "keyRing", ring);
        Fields.set(keys, "store", store);
        Fields.set(keys, "cacheTtl", Duration.ofSeconds(60));
        Fields.set(keys, "cacheSize", 10_000L);
        Method keysInit = SubjectKeys.class.getDeclaredMethod("init");
        keysInit.setAccessible(true);
        keysInit.invoke(keys);
        FieldSealer sealer = Fields.set(new FieldSealer(), "keys", keys);

        Constructor<ConsentGuard> constructor = ConsentGuard.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        guard = constructor.newInstance();
        Fields.set(guard, "purposes", purposes);
        Fields.set(guard, "decisions", decisions);
        Fields.set(guard, "audit", new CountingAuditTrail());

        handoffs = new Handoffs();
        handoffs.sealer = sealer;
        handOff = Handoffs.class.getMethod("handOff", String.class, String.class, String.class, String.class);

        fields = new byte[][] {NAME.getBytes(StandardCharsets.UTF_8), EMAIL.getBytes(StandardCharsets.UTF_8),
                PHONE.getBytes(StandardCharsets.UTF_8)};
        byte[] key = new byte[32];
        random.nextBytes(key);
        rawKey = new SecretKeySpec(key, "AES");
        cachedCipher = Cipher.getInstance("AES/GCM/NoPadding");
        guardMethod = ConsentGuard.class.getDeclaredMethod("guard", InvocationContext.class);
        guardMethod.setAccessible(true);
        associatedData = new org.consentry.crypto.entity.FieldAddress("escalation", "customer_email",
                UUID.randomUUID().toString()).associatedData();
        guardChain(); // warms the consent decision and the data key caches
    }

    @Benchmark
    public Object guardChain() throws Exception {
        Object[] arguments = {subject, NAME, EMAIL, PHONE};
        return guardMethod.invoke(guard, new Call(handOff, arguments, handoffs));
    }

    @Benchmark
    public byte[][] rawSealThreeFields() throws Exception {
        byte[][] sealed = new byte[3][];
        for (int i = 0; i < 3; i++) {
            random.nextBytes(iv);
            cachedCipher.init(Cipher.ENCRYPT_MODE, rawKey, new GCMParameterSpec(128, iv));
            cachedCipher.updateAAD(associatedData);
            sealed[i] = cachedCipher.doFinal(fields[i]);
        }
        return sealed;
    }

    /** The interceptor's view of the call. */
    record Call(Method method, Object[] arguments, Handoffs target) implements InvocationContext {
        public Object getTarget() {
            return target;
        }

        public Object getTimer() {
            return null;
        }

        public Method getMethod() {
            return method;
        }

        public Constructor<?> getConstructor() {
            return null;
        }

        public Object[] getParameters() {
            return arguments;
        }

        public void setParameters(Object[] params) {
            throw new UnsupportedOperationException();
        }

        public Map<String, Object> getContextData() {
            return Map.of();
        }

        public Object proceed() {
            return target.handOff((String) arguments[0], (String) arguments[1], (String) arguments[2], (String) arguments[3]);
        }
    }
}
