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

/** MP JWT bearer tokens for the tests: an issuer whose key pair is made for this run. */
public final class Tokens {

    public static final String ISSUER = "https://idp.consentry.test";
    public static final KeyPair TRUSTED = rsa();

    private Tokens() {
    }

    /** The MP JWT configuration that makes the server trust {@link #TRUSTED}. */
    public static String serverConfig() {
        String pem = Base64.getEncoder().encodeToString(TRUSTED.getPublic().getEncoded());
        return "mp.jwt.verify.issuer=" + ISSUER + "\n"
                + "mp.jwt.verify.publickey=-----BEGIN PUBLIC KEY-----\\n" + pem + "\\n-----END PUBLIC KEY-----\n";
    }

    public static String token(String upn, String... groups) {
        return token(TRUSTED, ISSUER, upn, List.of(groups), 300);
    }

    public static String token(KeyPair keys, String issuer, String upn, List<String> groups, long secondsValid) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer).subject(upn).claim("upn", upn).claim("groups", groups)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now.minusSeconds(secondsValid < 0 ? 1200 : 0)))
                .expirationTime(Date.from(now.plusSeconds(secondsValid)))
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
