package org.consentry.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks that match the argument (a regex, default all) and prints, after JMH's own
 * output, the figures side by side with the ratios the design sets targets for.
 */
public final class BenchmarkReport {

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        String include = args.length > 0 ? args[0] : ".*";
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(include).build()).run();
        Map<String, RunResult> byName = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            StringBuilder params = new StringBuilder();
            for (String key : r.getParams().getParamsKeys()) {
                params.append(params.isEmpty() ? "[" : ",").append(key).append('=').append(r.getParams().getParam(key));
            }
            byName.put(shortName + (params.isEmpty() ? "" : params.append(']').toString()), r);
        }
        System.out.println();
        System.out.println("== Consentry benchmark report (" + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cores)");
        byName.forEach((name, r) -> {
            var result = r.getSecondaryResults().containsKey("bytes") ? r.getSecondaryResults().get("bytes") : r.getPrimaryResult();
            String unit = result.getScoreUnit().replace("ops/us", "MB/s (bytes/us)");
            System.out.printf(Locale.ROOT, "%-70s %12.1f ± %8.1f %s%n", name, result.getScore(), result.getScoreError(), unit);
        });
        ratio(byName, "CryptoBenchmark.consentrySeal", "CryptoBenchmark.rawJceCachedCipher",
                "project seal (Tink) vs raw JCE, 1 KB field", null);
        ratio(byName, "CryptoBenchmark.rawJceCipherPerCall", "CryptoBenchmark.rawJceCachedCipher",
                "Cipher.getInstance per call vs cached Cipher", null);
        for (String path : new String[] {"unwrapDataKey", "wrapDataKey", "handoffSealCacheHit", "handoffSealCacheMiss"}) {
            ratio(byName, "KekCustodyBenchmark." + path + "[custody=pkcs11]", "KekCustodyBenchmark." + path + "[custody=keystore]",
                    "KEK in a PKCS#11 token (SoftHSM2) vs in the keystore: " + path, null);
        }
        ratio(byName, "GuardChainBenchmark.guardChain", "GuardChainBenchmark.rawSealThreeFields",
                "guard chain (consent check + seal 3 fields) vs raw AES-GCM of the 3 fields", 1.5);
        RunResult guarded = byName.get("HostGuardBenchmark.guarded");
        RunResult unguarded = byName.get("HostGuardBenchmark.unguarded");
        if (guarded != null && unguarded != null) {
            double added = guarded.getPrimaryResult().getScore() - unguarded.getPrimaryResult().getScore();
            System.out.printf(Locale.ROOT, "added  %-75s %6.1f ns  (target <= 2000 ns: %s)%n",
                    "a host's guarded call with a warm decision cache, over the unguarded call", added, added <= 2000 ? "met" : "NOT MET");
        }
        RunResult redact = byName.get("RedactionBenchmark.redact");
        RunResult regex = byName.get("RedactionBenchmark.regexBaseline");
        if (redact != null) {
            double mbs = redact.getPrimaryResult().getScore();
            System.out.printf(Locale.ROOT, "rate   %-75s %6.1f MB/s  (target >= 50 MB/s per core: %s)%n",
                    "redaction of a 2 KB Polish/English chat, one thread", mbs, mbs >= 50 ? "met" : "NOT MET");
            if (regex != null) {
                System.out.printf(Locale.ROOT, "ratio  %-75s %6.1fx%n", "redaction vs a java.util.regex scan for the same kinds",
                        mbs / regex.getPrimaryResult().getScore());
            }
        }
    }

    private static void ratio(Map<String, RunResult> results, String slower, String baseline, String label, Double target) {
        RunResult a = results.get(slower);
        RunResult b = results.get(baseline);
        if (a == null || b == null) {
            return;
        }
        double ratio = a.getPrimaryResult().getScore() / b.getPrimaryResult().getScore();
        System.out.printf(Locale.ROOT, "ratio  %-75s %6.2fx%s%n", label, ratio,
                target == null ? "" : String.format(Locale.ROOT, "  (target <= %.1fx: %s)", target, ratio <= target ? "met" : "NOT MET"));
    }
}
