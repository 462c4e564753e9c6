package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.JwksIssuer;
import org.consentry.testing.Tokens;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keys rotate at the issuer without restarting Consentry: the server verifies bearer tokens with the
 * keys of the issuer's JWKS URL (mp.jwt.verify.publickey.location), keeps them cached, and fetches the
 * set again when a token names a key id it does not hold; a key the issuer no longer publishes is refused
 * (Liberty alone kept accepting it: PublishedKeys). The issuer here is a JWKS endpoint on loopback whose
 * keys the test replaces, as an identity provider does when it rotates.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JwksRotationIT {

    static final JwksIssuer ISSUER = new JwksIssuer();
    static final JwksIssuer.Key FIRST = JwksIssuer.Key.made("signing-1");
    static final JwksIssuer.Key SECOND = JwksIssuer.Key.made("signing-2");
    static final String CLIENT = "rotation-bot";

    @Deployment(testable = false)
    static WebArchive deployment() {
        ISSUER.publish(List.of(FIRST));
        // every fetch the test causes is allowed at once (in production at most one every 5 s)
        return Deployments.application(ISSUER.serverConfig() + "consentry.jwt.client-claim=azp\nconsentry.jwt.jwks-min-refresh=PT0S\n");
    }

    @AfterAll
    static void stopTheIssuer() {
        ISSUER.stop();
    }

    @ArquillianResource
    URL base;

    @Test
    @Proves(Duty.GDPR_32)
    void aKeyRotatedAtTheIssuerIsUsedWithoutARestartAndTheRetiredOneIsRefused() {
        Api api = new Api(base);
        assertAccepted(api, FIRST);
        int fetched = ISSUER.fetches();
        assertTrue(fetched >= 1, "the server fetched the issuer's keys: " + fetched);
        assertAccepted(api, FIRST);
        assertEquals(fetched, ISSUER.fetches(), "a known key id is verified from the cache, without a fetch");

        // the issuer rotates: the second key signs from now on, the first is retired
        ISSUER.publish(List.of(SECOND));
        assertAccepted(api, SECOND);
        assertTrue(ISSUER.fetches() > fetched, "an unknown key id made the server fetch the keys again");
        assertRefused(api, Tokens.client(FIRST.pair(), FIRST.kid(), CLIENT));

        // a key the issuer never published, under a key id it never used, or under the current one
        JwksIssuer.Key forged = JwksIssuer.Key.made("signing-3");
        assertRefused(api, Tokens.client(forged.pair(), forged.kid(), CLIENT));
        assertRefused(api, Tokens.client(forged.pair(), SECOND.kid(), CLIENT));
        assertAccepted(api, SECOND);
    }

    private static void assertAccepted(Api api, JwksIssuer.Key key) {
        Api.Reply reply = me(api, Tokens.client(key.pair(), key.kid(), CLIENT));
        assertEquals(200, reply.status(), () -> key.kid() + ": " + reply);
        assertEquals(CLIENT, reply.json().getString("user"));
    }

    private static void assertRefused(Api api, String token) {
        Api.Reply reply = me(api, token);
        assertEquals(401, reply.status(), reply::toString);
        assertTrue(reply.problem().getString("type").endsWith("/unauthenticated"), reply::toString);
    }

    private static Api.Reply me(Api api, String token) {
        return api.send(api.request("api/v1/me", Api.ANONYMOUS).header("Authorization", "Bearer " + token).GET());
    }
}
