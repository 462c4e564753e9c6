package org.consentry.platform.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a bearer token that MP JWT accepted is signed by a key its issuer still publishes. Liberty's
 * mpJwt keeps every key it ever fetched from the JWKS URL (it fetches again on an unknown key id and adds
 * the keys, never drops one: JwksRotationIT found a retired key still accepted), so a key the issuer
 * retired would verify tokens until a restart. This keeps the issuer's current set (Nimbus JOSE+JWT's
 * JWKSource: cached for {@code consentry.jwt.jwks-cache}, fetched again at once when a token names a key id
 * it lacks, at most every {@code consentry.jwt.jwks-min-refresh}) and checks the signature against it.
 * With a key configured as PEM or a file (no URL), nothing rotates and every token passes.
 */
@ApplicationScoped
public class PublishedKeys {

    private static final Logger LOG = Logger.getLogger(PublishedKeys.class.getName());
    private static final Set<JWSAlgorithm> SIGNATURES = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> location;

    @Inject
    @ConfigProperty(name = "consentry.jwt.jwks-cache", defaultValue = "PT5M")
    Duration cache;

    @Inject
    @ConfigProperty(name = "consentry.jwt.jwks-min-refresh", defaultValue = "PT5S")
    Duration minRefresh;

    private DefaultJWTProcessor<SecurityContext> processor;

    @PostConstruct
    void prepare() {
        Optional<URI> url = location.map(String::strip).filter(l -> l.toLowerCase(Locale.ROOT).startsWith("https://")
                || l.toLowerCase(Locale.ROOT).startsWith("http://")).map(URI::create);
        if (url.isEmpty()) {
            return;
        }
        JWKSource<SecurityContext> keys;
        try {
            JWKSourceBuilder<SecurityContext> builder = JWKSourceBuilder.create(url.get().toURL(),
                    new DefaultResourceRetriever(5000, 5000, 256 * 1024))
                    .cache(cache.toMillis(), 5000).retrying(true).outageTolerant(cache.toMillis());
            keys = (minRefresh.isZero() ? builder.rateLimited(false) : builder.rateLimited(minRefresh.toMillis())).build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException("mp.jwt.verify.publickey.location is not a URL", e);
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(SIGNATURES, keys));
        // MP JWT checked issuer, audience and times already: here only the key counts
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
    }

    /** Whether the token's signature verifies with a key the issuer publishes now. */
    public boolean stillPublished(String rawToken) {
        if (processor == null) {
            return true;
        }
        try {
            processor.process(rawToken, null);
            return true;
        } catch (ParseException | BadJOSEException e) {
            return false;
        } catch (JOSEException e) {
            // the issuer's keys could not be fetched and none are cached: the token cannot be trusted now
            LOG.warning("The issuer's signing keys are unavailable: " + e.getClass().getSimpleName());
            return false;
        }
    }
}
