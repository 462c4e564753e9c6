package org.consentry.bench;

import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.consentry.client.ConsentCheck;
import org.consentry.client.ConsentClient;
import org.consentry.client.RequiresConsent;
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
 * A host application's guarded call with the client jar (issue 26), warm decision cache: the ConsentCheck
 * interceptor finds the purpose and the @SubjectId argument and takes Consentry's remembered answer,
 * then the host's method runs. Against: the same method called without the guard. The difference is
 * what the client adds to every guarded call once Consentry has answered (target: at most 2 µs).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class HostGuardBenchmark {

    /** The host's bean, as a host writes it. */
    public static class CrmSync {
        long synced;

        @RequiresConsent("crm-sync")
        public long sync(@SubjectId String customer, String note) {
            synced += customer.length() + note.length();
            return synced;
        }
    }

    CrmSync bean;
    ConsentCheck check;
    Method sync;
    Method checkMethod;
    String customer = "cust-4711";
    String note = "resolved ticket";

    @Setup
    public void setUp() throws Exception {
        ConsentClient client = new ConsentClient();
        Class<?> cacheType = Class.forName("org.consentry.client.DecisionCache");
        Constructor<?> newCache = cacheType.getDeclaredConstructor(int.class, LongSupplier.class);
        newCache.setAccessible(true);
        LongSupplier clock = System::nanoTime;
        Object cache = newCache.newInstance(100_000, clock);
        Fields.set(client, "cache", cache);
        Fields.set(client, "maxRemember", Duration.ofMinutes(1));
        // Consentry's answer, remembered: what the first call of the subject would have fetched
        Class<?> keyType = Class.forName("org.consentry.client.DecisionCache$Key");
        Constructor<?> newKey = keyType.getDeclaredConstructor(String.class, String.class);
        newKey.setAccessible(true);
        Method put = cacheType.getDeclaredMethod("put", keyType, boolean.class, long.class);
        put.setAccessible(true);
        put.invoke(cache, newKey.newInstance(customer, "crm-sync"), true, Duration.ofHours(1).toNanos());

        check = new ConsentCheck();
        Fields.set(check, "consentry", client);
        bean = new CrmSync();
        sync = CrmSync.class.getMethod("sync", String.class, String.class);
        checkMethod = ConsentCheck.class.getDeclaredMethod("check", InvocationContext.class);
        checkMethod.setAccessible(true);
        if (!Long.valueOf(customer.length() + note.length()).equals(guarded())) {
            throw new IllegalStateException("the guarded call did not run the method");
        }
    }

    @Benchmark
    public Object guarded() throws Exception {
        return checkMethod.invoke(check, new Call(sync, new Object[] {customer, note}, bean));
    }

    @Benchmark
    public long unguarded() {
        return bean.sync(customer, note);
    }

    /** The interceptor's view of the call. */
    record Call(Method method, Object[] arguments, CrmSync target) implements InvocationContext {
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
            return target.sync((String) arguments[0], (String) arguments[1]);
        }
    }
}
