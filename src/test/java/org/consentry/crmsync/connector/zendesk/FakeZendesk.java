package org.consentry.crmsync.connector.zendesk;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.consentry.testing.Contract;
import org.consentry.testing.StandIn;

/**
 * Zendesk Support's API v2 as its published OpenAPI description says (contracts/zendesk, checked on
 * every request and every successful answer) and as strict as Zendesk where it matters: API token
 * authentication ({email}/token:{token}, else 401 "Couldn't authenticate you"), unique user external
 * ids and e-mails and Zendesk's validation of e-mail and phone (422 RecordInvalid), permanent deletion
 * only of a deleted user. It can be told to answer 429 with Retry-After and Zendesk's rate-limit
 * headers, a 500 after doing the work (the answer lost), or garbage.
 */
final class FakeZendesk implements Function<StandIn.Request, StandIn.Answer> {

    static final String AGENT = "api@acme.example";
    static final String TOKEN = "zd-token-it";
    static final String CONTRACT = "/contracts/zendesk/support-api-oas.yaml";

    final Contract contract = Contract.of(CONTRACT, null);
    final ZendeskAccount account = new ZendeskAccount();
    /** Requests as they arrived, "METHOD /path" (query left out), with when. */
    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<Long> callTimes = new CopyOnWriteArrayList<>();
    /** Routes ("POST /tickets") whose next call does its work and then answers 500. */
    final Set<String> failAfterWork = ConcurrentHashMap.newKeySet();
    /** Routes whose next call answers 200 with a body that is not JSON. */
    final Set<String> garbage = ConcurrentHashMap.newKeySet();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private volatile int retryAfter = 1;
    private volatile boolean sendRetryAfter = true;
    private volatile String token = TOKEN;

    /** The next {@code count} calls answer 429 with Retry-After: {@code seconds}. */
    FakeZendesk rateLimit(int count, int seconds) {
        return rateLimit(count, seconds, true);
    }

    /** The same, with or without Retry-After (Zendesk's ratelimit-reset header says when in any case). */
    FakeZendesk rateLimit(int count, int seconds, boolean withRetryAfter) {
        retryAfter = seconds;
        sendRetryAfter = withRetryAfter;
        rateLimited.set(count);
        return this;
    }

    /** The API token the account accepts (another than the recipient's: every call is a 401). */
    FakeZendesk acceptToken(String accepted) {
        token = accepted;
        return this;
    }

    @Override
    public synchronized StandIn.Answer apply(StandIn.Request r) {
        String path = r.path().replaceAll("\\?.*", "");
        String route = r.method() + " " + path.replaceFirst("^/api/v2", "").replaceAll("/\\d+", "/{id}");
        calls.add(route);
        callTimes.add(System.currentTimeMillis());
        if (!authenticated(r.header("Authorization"))) {
            return new StandIn.Answer(401, "{\"error\":\"Couldn't authenticate you\"}");
        }
        if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new StandIn.Answer(429, "{\"error\":\"APIRateLimitExceeded\",\"description\":\"Number of allowed API requests per minute exceeded\"}",
                    sendRetryAfter ? Map.of("Retry-After", String.valueOf(retryAfter), "ratelimit-limit", "700",
                            "ratelimit-remaining", "0", "ratelimit-reset", String.valueOf(retryAfter))
                            : Map.of("ratelimit-limit", "700", "ratelimit-remaining", "0", "ratelimit-reset", String.valueOf(retryAfter)));
        }
        List<String> violations = contract.check(r);
        if (!violations.isEmpty()) {
            return new StandIn.Answer(400, "{\"error\":\"InvalidRequest\",\"description\":\"" + violations.size()
                    + " violation(s) of the published contract\"}");
        }
        if (garbage.remove(route)) {
            return new StandIn.Answer(200, "<html><body>Zendesk is down for maintenance</body></html>");
        }
        JsonObject body;
        try {
            body = r.body().isBlank() ? null : JSON.createReader(new StringReader(r.body())).readObject();
        } catch (JsonException e) {
            return new StandIn.Answer(400, "{\"error\":\"InvalidJson\"}");
        }
        StandIn.Answer answer = account.answer(route, r.path(), body);
        if (answer.status() >= 200 && answer.status() < 300) {
            contract.check(r, answer);
            answer = new StandIn.Answer(answer.status(), answer.body(), Map.of("ratelimit-limit", "700",
                    "ratelimit-remaining", "699", "ratelimit-reset", "60", "x-rate-limit", "700", "x-rate-limit-remaining", "699"));
        }
        if (failAfterWork.remove(route)) {
            return new StandIn.Answer(500, "{\"error\":\"InternalServerError\"}");
        }
        return answer;
    }

    private boolean authenticated(String authorization) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((AGENT + "/token:" + token)
                .getBytes(StandardCharsets.UTF_8));
        return expected.equals(authorization);
    }

    int count(String route) {
        return (int) calls.stream().filter(route::equals).count();
    }
}
