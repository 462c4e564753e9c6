package org.consentry.testing;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An issuer's JWKS endpoint on loopback, whose published keys a test changes as an identity provider
 * rotates its signing keys; it counts how often it is fetched.
 */
public final class JwksIssuer {

    private final HttpServer server;
    private final AtomicReference<String> document = new AtomicReference<>(new JWKSet().toString());
    private final AtomicInteger fetches = new AtomicInteger();

    public JwksIssuer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = document.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort() + "/jwks";
    }

    /** The MP JWT configuration that makes the server verify tokens with the keys published here. */
    public String serverConfig() {
        return "mp.jwt.verify.issuer=" + Tokens.ISSUER + "\nmp.jwt.verify.publickey.location=" + url() + "\n";
    }

    /** Publishes exactly these keys (key id to key pair), in place of what was published before. */
    public void publish(List<Key> keys) {
        List<JWK> jwks = keys.stream().<JWK>map(k -> new RSAKey.Builder((RSAPublicKey) k.pair().getPublic()).keyID(k.kid())
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build()).toList();
        document.set(new JWKSet(jwks).toString());
    }

    public int fetches() {
        return fetches.get();
    }

    public void stop() {
        server.stop(0);
    }

    public record Key(String kid, KeyPair pair) {
        public static Key made(String kid) {
            return new Key(kid, Tokens.rsa());
        }
    }
}
