package org.consentry.escalation.adapter.botframework;

import java.net.ServerSocket;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.net.http.HttpRequest;
import org.consentry.testing.Api;
import org.consentry.testing.StandIn;

/**
 * The Bot Framework around the server under test, in the test's JVM: Microsoft's login (keys and
 * tokens), the connector of the allowed service URL, and a host no activity may make Consentry call.
 * Ports are chosen once when the deployment is configured; the stand-ins come up on first use.
 */
final class BotFrameworkChannel {

    static final String APP_ID = "5f0c7a8e-1b2d-4c3e-9f40-6a7b8c9d0e1f";
    static final String APP_PASSWORD = "bf-it-client-secret";
    static final String BOT_ID = "contoso-support-bot";
    static final int LOGIN_PORT = freePort();
    static final int CONNECTOR_PORT = freePort();
    static final int ELSEWHERE_PORT = freePort();

    private BotFrameworkChannel() {
    }

    static String serverConfig() {
        return """
                config_ordinal=700
                consentry.platforms.botframework.app-id=%s
                consentry.platforms.botframework.app-password=%s
                consentry.platforms.botframework.jwks-url=http://localhost:%d%s
                consentry.platforms.botframework.token-url=http://localhost:%d%s
                consentry.platforms.botframework.allowed-service-urls=%s
                consentry.platforms.botframework.allow-http=true
                consentry.outbox.poll-interval=PT0.2S
                consentry.outbox.retry-base=PT0.2S
                consentry.outbox.retry-cap=PT1S
                consentry.outbox.request-timeout=PT2S
                consentry.outbox.lease=PT4S
                """.formatted(APP_ID, APP_PASSWORD, LOGIN_PORT, FakeMicrosoftLogin.KEYS_PATH, LOGIN_PORT,
                FakeMicrosoftLogin.TOKEN_PATH, serviceUrl());
    }

    static String serviceUrl() {
        return "http://localhost:" + CONNECTOR_PORT + "/";
    }

    static String elsewhereUrl() {
        return "http://localhost:" + ELSEWHERE_PORT + "/";
    }

    /** The stand-ins, up from the first use in the test's JVM (never loaded inside the server). */
    static final class Up {
        static final FakeMicrosoftLogin LOGIN = new FakeMicrosoftLogin(APP_ID, APP_PASSWORD);
        static final FakeConnector CONNECTOR = new FakeConnector(LOGIN);
        static final StandIn ELSEWHERE = new StandIn(ELSEWHERE_PORT).up();

        static {
            new StandIn(LOGIN_PORT).answering(LOGIN).concurrent().up();
            new StandIn(CONNECTOR_PORT).answering(CONNECTOR).concurrent().up();
        }

        private Up() {
        }
    }

    /** A token of the channel for the allowed service URL. */
    static String token() {
        return BotFrameworkFixtures.token(Up.LOGIN.channelKey, "channel-1", APP_ID, serviceUrl());
    }

    /** Tokens a channel of this bot would never send, by what is wrong with them (null: no Authorization at all). */
    static Map<String, String> badTokens() {
        FakeMicrosoftLogin login = Up.LOGIN;
        String url = serviceUrl();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("signed by a key not published", BotFrameworkFixtures.token(login.strangerKey, "channel-1", APP_ID, url));
        tokens.put("an unknown kid", BotFrameworkFixtures.token(login.strangerKey, "no-such-key", APP_ID, url));
        tokens.put("expired", BotFrameworkFixtures.token(login.channelKey, "channel-1", c -> c.audience(APP_ID)
                .claim("serviceUrl", url).expirationTime(new Date(System.currentTimeMillis() - 600_000))));
        tokens.put("for another bot", BotFrameworkFixtures.token(login.channelKey, "channel-1", "another-app-id", url));
        tokens.put("from another issuer", BotFrameworkFixtures.token(login.channelKey, "channel-1", c -> c.audience(APP_ID)
                .claim("serviceUrl", url).issuer("https://sts.windows.net/evil/")));
        tokens.put("for another serviceUrl", BotFrameworkFixtures.token(login.channelKey, "channel-1", APP_ID, elsewhereUrl()));
        tokens.put("without a serviceUrl", BotFrameworkFixtures.token(login.channelKey, "channel-1", c -> c.audience(APP_ID)));
        tokens.put("not a JWT", "abc.def.ghi");
        tokens.put("missing", null);
        return tokens;
    }

    /** Hands the conversation over (a new escalation) and answers the escalation's id. */
    static String handOff(Api api, BotFrameworkFixtures.Conversation conversation) {
        Api.Reply created = post(api, conversation.handoff(), token());
        if (created.status() != 201) {
            throw new AssertionError("handoff.initiate not taken: " + created);
        }
        return created.json().getString("escalationId");
    }

    static Api.Reply post(Api api, String activity, String bearerToken) {
        HttpRequest.Builder request = api.request("api/v1/platforms/botframework/activities", Api.ANONYMOUS)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(activity));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return api.send(request);
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
