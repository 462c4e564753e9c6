package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URL;
import java.net.http.HttpRequest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Production authentication: MP JWT bearer tokens whose groups claim names the roles. The key pair is
 * made for this run; the server trusts its public half through the standard MP JWT configuration.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class JwtIT {

    private static final String ISSUER = "https://idp.consentry.test";
    private static final KeyPair TRUSTED = rsa();
    private static final KeyPair STRANGER = rsa();

    @Deployment(testable = false)
    static WebArchive deployment() {
        String pem = Base64.getEncoder().encodeToString(TRUSTED.getPublic().getEncoded());
        return Deployments.application("""
                mp.jwt.verify.issuer=%s
                mp.jwt.verify.publickey=-----BEGIN PUBLIC KEY-----\\n%s\\n-----END PUBLIC KEY-----
                """.formatted(ISSUER, pem));
    }

    @ArquillianResource
    URL base;

    @Test
    void theGroupsClaimNamesTheRoleAndTheUpnTheCaller() throws Exception {
        Api api = new Api(base);
        String subject = "jwt-" + UUID.randomUUID();
        var grant = api.send(bearer(api, "api/v1/subjects/" + subject + "/consents/crm-sync",
                token(TRUSTED, ISSUER, "crm-bot-7", List.of("bot"), 300))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"noticeVersion\":\"2026-11\",\"channel\":\"web\",\"evidence\":\"form f-9\"}")));
        assertEquals(200, grant.status(), grant::toString);
        assertEquals("crm-bot-7", grant.json().getString("grantedBy"));

        var read = api.send(bearer(api, "api/v1/subjects/" + subject + "/consents",
                token(TRUSTED, ISSUER, "dpo-1", List.of("admin"), 300)).GET());
        assertEquals(200, read.status(), read::toString);
        assertEquals(1, read.json().getJsonArray("history").size());
    }

    @Test
    void aRoleWithoutAccessIs403() throws Exception {
        Api api = new Api(base);
        var reply = api.send(bearer(api, "api/v1/subjects/x/consents", token(TRUSTED, ISSUER, "agent-3", List.of("agent"), 300)).GET());
        assertEquals(403, reply.status(), reply::toString);
        assertTrue(reply.problem().getString("type").endsWith("/forbidden"));
    }

    @Test
    void untrustedExpiredOrForeignTokensAre401() throws Exception {
        Api api = new Api(base);
        for (String token : List.of(
                token(STRANGER, ISSUER, "mallory", List.of("admin"), 300),
                token(TRUSTED, ISSUER, "late", List.of("admin"), -600),
                token(TRUSTED, "https://elsewhere.test", "other", List.of("admin"), 300),
                "not.a.token")) {
            var reply = api.send(bearer(api, "api/v1/subjects/x/consents", token).GET());
            assertEquals(401, reply.status(), () -> token + " -> " + reply);
            reply.problem();
        }
    }

    private static HttpRequest.Builder bearer(Api api, String path, String token) {
        return api.request(path, Api.ANONYMOUS).header("Authorization", "Bearer " + token);
    }

    private static String token(KeyPair keys, String issuer, String upn, List<String> groups, long secondsValid)
            throws JOSEException {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(upn).claim("upn", upn).claim("groups", groups)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(secondsValid < 0 ? 1200 : 0)))
                .expirationTime(Date.from(now.plusSeconds(secondsValid)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
