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

    private static String token(KeyPair keys, String issuer, String upn, long secondsValid,
            UnaryOperator<JWTClaimsSet.Builder> extra) {
        Instant now = Instant.now();
        JWTClaimsSet claims = extra.apply(new JWTClaimsSet.Builder()
                .issuer(issuer).subject(upn).claim("upn", upn)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(secondsValid < 0 ? 1200 : 0)))
                .expirationTime(Date.from(now.plusSeconds(secondsValid))))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
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
