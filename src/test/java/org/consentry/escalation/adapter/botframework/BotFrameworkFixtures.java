package org.consentry.escalation.adapter.botframework;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The documented payloads under src/test/resources/platforms/botframework with this run's ids put in
 * (${name} placeholders, values JSON-escaped), and the JWTs a Bot Framework channel sends: RS256 with
 * the kid of a published key, issuer https://api.botframework.com, audience the bot's app id, a
 * serviceUrl claim, five minutes valid, as the Bot Connector authentication docs show them.
 */
final class BotFrameworkFixtures {

    static final String ISSUER = "https://api.botframework.com";

    private BotFrameworkFixtures() {
    }

    static String fixture(String name, Map<String, String> values) {
        String text;
        try (InputStream in = Objects.requireNonNull(BotFrameworkFixtures.class.getResourceAsStream("/platforms/botframework/" + name), name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (var value : values.entrySet()) {
            text = text.replace("${" + value.getKey() + "}", jsonEscaped(value.getValue()));
        }
        return text;
    }

    /** A conversation of this run: its native ids and service URL. */
    record Conversation(String conversationId, String userId, String serviceUrl) {

        static Conversation fresh(String serviceUrl) {
            return new Conversation("DL" + UUID.randomUUID().toString().replace("-", "") + "-eu", "dl_" + UUID.randomUUID(), serviceUrl);
        }

        /** A Teams-like conversation id (";messageid=", over 128 characters with the prefix): Consentry hashes it. */
        static Conversation teamsLike(String serviceUrl) {
            return new Conversation("a:1" + UUID.randomUUID().toString().repeat(3).replace("-", "") + ";messageid=1764410400000",
                    "29:1" + UUID.randomUUID(), serviceUrl);
        }

        /** A conversation whose requests the test expects refused: nothing may be stored under these ids. */
        static Conversation refused(String serviceUrl) {
            return new Conversation("refused-" + UUID.randomUUID(), "refused-" + UUID.randomUUID(), serviceUrl);
        }

        String handoff() {
            return fixture("handoff-initiate.json", values(""));
        }

        String fromUser(String text) {
            return fixture("message-from-user.json", values(text));
        }

        String fromBot(String text) {
            return fixture("message-from-bot.json", values(text));
        }

        private Map<String, String> values(String text) {
            return Map.of("conversationId", conversationId, "userId", userId, "serviceUrl", serviceUrl, "text", text);
        }
    }

    static String token(KeyPair key, String kid, String audience, String serviceUrl) {
        return token(key, kid, claims -> claims.audience(audience).claim("serviceUrl", serviceUrl));
    }

    static String token(KeyPair key, String kid, UnaryOperator<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        JWTClaimsSet set = claims.apply(new JWTClaimsSet.Builder().issuer(ISSUER).notBeforeTime(Date.from(now.minusSeconds(5)))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(kid).build(), set);
        try {
            jwt.sign(new RSASSASigner(key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }
}
