package org.consentry.escalation.adapter.botframework;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.Set;
import java.util.logging.Logger;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/**
 * Verifies the JWT a Bot Framework channel sends with every activity, as the Bot Connector
 * authentication docs say a bot must: a Bearer token, RS256, signed by a key of the configured JWKS
 * (cached; fetched again when a token names an unknown kid), from the configured issuer, for the bot's
 * app id, unexpired (5 minutes of clock skew, as the SDKs allow), carrying a serviceUrl claim.
 * Anything else is a 401 before the body is looked at.
 */
@ApplicationScoped
public class ChannelTokens {

    private static final Logger LOG = Logger.getLogger(ChannelTokens.class.getName());
    private static final int MAX_TOKEN_CHARS = 8192;

    @Inject
    BotFrameworkSettings settings;

    private DefaultJWTProcessor<SecurityContext> processor;

    /** A verified token: the service URL it was issued for. */
    public record ChannelToken(String serviceUrl) {
    }

    @PostConstruct
    void prepare() {
        if (settings.appId().isEmpty()) {
            return;
        }
        JWKSource<SecurityContext> keys;
        try {
            // cached; a token with a kid the cached set lacks fetches it again, at most once per 5 s
            keys = JWKSourceBuilder.create(settings.jwksUrl().toURL(), new DefaultResourceRetriever(5000, 5000, 256 * 1024))
                    .rateLimited(5000).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(BotFrameworkSettings.PREFIX + "jwks-url is not a URL", e);
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                settings.appId().get(),
                new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
                Set.of("exp", "serviceUrl"));
        claims.setMaxClockSkew(300);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /** The verified token of an {@code Authorization} header, or a 401 problem. */
    public ChannelToken verify(String authorization) {
        if (processor == null) {
            throw refused("The Bot Framework adapter is not configured (no app id).");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.length() > MAX_TOKEN_CHARS) {
            throw refused("A Bearer token from the Bot Framework is required.");
        }
        try {
            JWTClaimsSet claims = processor.process(authorization.substring(7).strip(), null);
            Object serviceUrl = claims.getClaim("serviceUrl");
            if (!(serviceUrl instanceof String url) || url.isBlank()) {
                throw refused("The token carries no serviceUrl.");
            }
            return new ChannelToken(url);
        } catch (ParseException | BadJOSEException e) {
            throw refused("The Bearer token is not valid for this bot.");
        } catch (JOSEException e) {
            // the key set could not be fetched or read: the token cannot be trusted now
            LOG.warning("Bot Framework keys unavailable: " + e.getClass().getSimpleName());
            throw refused("The Bearer token could not be verified.");
        }
    }

    /** The activity must name the service URL the token was issued for. */
    public static void requireSameServiceUrl(ChannelToken token, String activityServiceUrl) {
        if (!ServiceUrls.withSlash(token.serviceUrl()).equalsIgnoreCase(ServiceUrls.withSlash(activityServiceUrl))) {
            throw refused("The token was issued for another serviceUrl.");
        }
    }

    static ProblemException refused(String detail) {
        return new ProblemException(Problems.UNAUTHENTICATED, detail);
    }
}
