package org.consentry.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * MP JWT bearer tokens for the tests: an issuer whose key pair is made for this run. A token is for
 * Consentry's audience ({@link #AUDIENCE}) and carries its roles in Consentry's own claim
 * ({@link #ROLES_CLAIM}), as the server requires.
 */
public final class Tokens {

    public static final String ISSUER = "https://idp.consentry.test";
    public static final String AUDIENCE = "consentry";
    public static final String ROLES_CLAIM = "consentry_roles";
    public static final KeyPair TRUSTED = rsa();

    private Tokens() {
    }

    /** The MP JWT configuration that makes the server trust {@link #TRUSTED}. */
    public static String serverConfig() {
        String pem = Base64.getEncoder().encodeToString(TRUSTED.getPublic().getEncoded());
        return "mp.jwt.verify.issuer=" + ISSUER + "\n"
                + "mp.jwt.verify.publickey=-----BEGIN PUBLIC KEY-----\\n" + pem + "\\n-----END PUBLIC KEY-----\n";
    }

    public static String token(String upn, String... roles) {
        return token(TRUSTED, ISSUER, upn, List.of(roles), 300);
    }

    public static String token(KeyPair keys, String issuer, String upn, List<String> roles, long secondsValid) {
        return token(keys, issuer, upn, secondsValid, claims -> claims.audience(AUDIENCE).claim(ROLES_CLAIM, roles));
    }

    /** A token of the trusted issuer whose audience and role claims the caller sets ({@code extra}). */
    public static String token(String upn, UnaryOperator<JWTClaimsSet.Builder> extra) {
        return token(TRUSTED, ISSUER, upn, 300, extra);
    }

    /**
     * A bot's token as an identity provider issues it for the client-credentials grant: the client in
     * {@code azp} (and {@code client_id}), a subject that is not the client (a service account's id), the
     * service account's name in {@code upn} (Liberty requires the user claim; Keycloak's mapper puts it there),
     * role bot in Consentry's claim.
     */
    public static String client(String clientId) {
        return client(TRUSTED, null, clientId);
    }

    /** The same, signed with {@code keys} under the key id {@code kid} (null: none). */
    public static String client(KeyPair keys, String kid, String clientId) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(UUID.randomUUID().toString())
                .audience(AUDIENCE).claim("azp", clientId).claim("client_id", clientId)
                .claim("preferred_username", "service-account-" + clientId).claim("upn", "service-account-" + clientId).claim(ROLES_CLAIM, List.of("bot"))
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .build();
        return sign(keys, kid, claims);
    }

    private static String token(KeyPair keys, String issuer, String upn, long secondsValid,
            UnaryOperator<JWTClaimsSet.Builder> extra) {
        Instant now = Instant.now();
        JWTClaimsSet claims = extra.apply(new JWTClaimsSet.Builder()
                .issuer(issuer).subject(upn).claim("upn", upn)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(secondsValid < 0 ? 1200 : 0)))
                .expirationTime(Date.from(now.plusSeconds(secondsValid))))
                .build();
        return sign(keys, null, claims);
    }

    private static String sign(KeyPair keys, String kid, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(), claims);
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
