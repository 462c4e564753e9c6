package org.consentry.escalation.adapter.botframework;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.consentry.testing.StandIn;
import org.consentry.testing.Tokens;

/**
 * Microsoft's side of the authentication, as a stand-in: the Bot Framework's OpenID key set
 * (GET /v1/.well-known/keys, the channel's signing keys with their kid; a key can be published later,
 * as Microsoft rotates them) and the Entra ID token endpoint of the botframework.com tenant
 * (POST /botframework.com/oauth2/v2.0/token, client credentials; answers as its docs show, or
 * invalid_client for a wrong secret or scope). Every token it issues is remembered, so the fake
 * connector accepts exactly those.
 */
final class FakeMicrosoftLogin implements Function<StandIn.Request, StandIn.Answer> {

    static final String KEYS_PATH = "/v1/.well-known/keys";
    static final String TOKEN_PATH = "/botframework.com/oauth2/v2.0/token";
    static final String SCOPE = "https://api.botframework.com/.default";

    final KeyPair channelKey = Tokens.rsa();
    final KeyPair rotatedKey = Tokens.rsa();
    final KeyPair strangerKey = Tokens.rsa();
    final List<String> issued = new CopyOnWriteArrayList<>();
    final AtomicInteger keyFetches = new AtomicInteger();
    final AtomicInteger tokenRequests = new AtomicInteger();
    private final String appId;
    private final String appPassword;
    private volatile boolean rotated;

    FakeMicrosoftLogin(String appId, String appPassword) {
        this.appId = appId;
        this.appPassword = appPassword;
    }

    /** Microsoft publishes a new signing key: the next fetch of the key set carries it too. */
    void rotate() {
        rotated = true;
    }

    String lastToken() {
        return issued.get(issued.size() - 1);
    }

    @Override
    public StandIn.Answer apply(StandIn.Request request) {
        if (request.method().equals("GET") && request.path().equals(KEYS_PATH)) {
            keyFetches.incrementAndGet();
            return StandIn.Answer.ok(keySet().toString());
        }
        if (request.method().equals("POST") && request.path().equals(TOKEN_PATH)) {
            tokenRequests.incrementAndGet();
            return token(form(request.body()), request.header("Content-Type"));
        }
        return new StandIn.Answer(404, "{\"error\":\"not_found\"}");
    }

    private JWKSet keySet() {
        List<com.nimbusds.jose.jwk.JWK> keys = new java.util.ArrayList<>();
        keys.add(publicKey(channelKey, "channel-1"));
        if (rotated) {
            keys.add(publicKey(rotatedKey, "channel-2"));
        }
        return new JWKSet(keys);
    }

    private static RSAKey publicKey(KeyPair pair, String kid) {
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).keyID(kid).keyUse(KeyUse.SIGNATURE).build();
    }

    private StandIn.Answer token(Map<String, String> form, String contentType) {
        if (contentType == null || !contentType.startsWith("application/x-www-form-urlencoded")
                || !"client_credentials".equals(form.get("grant_type"))) {
            return new StandIn.Answer(400, "{\"error\":\"invalid_request\"}");
        }
        if (!appId.equals(form.get("client_id")) || !appPassword.equals(form.get("client_secret"))) {
            return new StandIn.Answer(401, "{\"error\":\"invalid_client\"}");
        }
        if (!SCOPE.equals(form.get("scope"))) {
            return new StandIn.Answer(400, "{\"error\":\"invalid_scope\"}");
        }
        String token = "bf-access-" + issued.size() + "-" + java.util.UUID.randomUUID();
        issued.add(token);
        return StandIn.Answer.ok(BotFrameworkFixtures.fixture("token-response.json", Map.of("accessToken", token)));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                form.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}
