package org.consentry.crypto.boundary;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.consentry.crypto.control.KeystoreProbe;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the key-encryption keystore is usable: without it no data key can be made or opened.
 * The probe opens the keystore file, so its result is kept a few seconds: anyone may call /health.
 */
@Readiness
@ApplicationScoped
public class KeystoreReadiness implements HealthCheck {

    static final String NAME = "kek-keystore";
    private static final Duration KEEP = Duration.ofSeconds(2);

    @Inject
    KeystoreProbe probe;

    private final LoadingCache<Boolean, KeystoreProbe.Result> last = Caffeine.newBuilder().expireAfterWrite(KEEP)
            .build(k -> probe.probe());

    @Override
    public HealthCheckResponse call() {
        KeystoreProbe.Result result = last.get(Boolean.TRUE);
        var response = HealthCheckResponse.named(NAME).status(result.usable()).withData("kekVersion", result.version());
        return result.usable() ? response.build() : response.withData("error", result.problem()).build();
    }
}
