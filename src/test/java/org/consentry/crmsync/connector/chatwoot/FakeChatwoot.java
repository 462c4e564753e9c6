package org.consentry.crmsync.connector.chatwoot;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.consentry.testing.Contract;
import org.consentry.testing.StandIn;

/**
 * Chatwoot's application API as a stand-in: every request is checked against Chatwoot's published
 * contract (src/test/resources/contracts/chatwoot, see SOURCE.md) and so is every answer the fake gives.
 * A wrong access token gets Chatwoot's 401 body; the account ({@link ChatwootAccount}) is as strict as
 * Chatwoot's Contact model. A test can make the next answers on a route a 429 with Retry-After, a 5xx,
 * garbage or anything else ({@link #next}). Public for the Chatwoot desk's test (escalation.desk.chatwoot),
 * which drives the same account through conversations and messages.
 */
public final class FakeChatwoot implements Function<StandIn.Request, StandIn.Answer> {

    public static final String TOKEN = "cw-token-it";
    public static final int ACCOUNT = 7;
    public static final int INBOX = 3;
    static final String PREFIX = "/api/v1/accounts/" + ACCOUNT;
    public static final StandIn.Answer UNAUTHORIZED = new StandIn.Answer(401, "{\"error\":\"Invalid Access Token\"}");

    public final Contract contract = Contract.of("/contracts/chatwoot/application-api.json", null);
    public final ChatwootAccount account = new ChatwootAccount(ACCOUNT, INBOX);
    private final Map<String, Deque<StandIn.Answer>> scripted = new ConcurrentHashMap<>();
    private final Set<String> losing = ConcurrentHashMap.newKeySet();
    /** When each request came, and its route: a test measures the pause a Retry-After asked for. */
    final List<Map.Entry<Instant, String>> log = new CopyOnWriteArrayList<>();

    /** The next answer on {@code route} (e.g. "DELETE /contacts/{id}") is this one, whatever the request. */
    public synchronized FakeChatwoot next(String route, StandIn.Answer answer) {
        scripted.computeIfAbsent(route, r -> new ArrayDeque<>()).add(answer);
        return this;
    }

    /** The next call on {@code route} takes effect, but its answer is lost: a 502 comes back instead. */
    FakeChatwoot loseAnswer(String route) {
        losing.add(route);
        return this;
    }

    static StandIn.Answer tooManyRequests(int seconds) {
        return new StandIn.Answer(429, "{\"error\":\"Too many requests\"}", Map.of("Retry-After", String.valueOf(seconds)));
    }

    static StandIn.Answer garbage() {
        return new StandIn.Answer(200, "<html><body>502 Bad Gateway</body></html>");
    }

    public static StandIn.Answer serverError() {
        return new StandIn.Answer(500, "{\"error\":\"Internal Server Error\"}");
    }

    @Override
    public synchronized StandIn.Answer apply(StandIn.Request request) {
        List<String> wrong = contract.check(request);
        if (!wrong.isEmpty()) {
            // Chatwoot would drop unknown members or refuse the value: either way not what the connector meant
            return new StandIn.Answer(400, "{\"description\":\"not as Chatwoot's contract describes it\"}");
        }
        if (!TOKEN.equals(request.header("api_access_token"))) {
            return checked(request, UNAUTHORIZED);
        }
        String path = request.path().startsWith(PREFIX) ? request.path().substring(PREFIX.length()) : request.path();
        String route = request.method() + " " + path.replaceAll("\\?.*", "").replaceAll("/\\d+", "/{id}");
        log.add(Map.entry(Instant.now(), route));
        Deque<StandIn.Answer> queue = scripted.get(route);
        StandIn.Answer next = queue == null ? null : queue.poll();
        if (next != null) {
            return next; // scripted failures are outside the contract on purpose (429, garbage)
        }
        StandIn.Answer answer = checked(request, account.answer(route, path, request.body()));
        return losing.remove(route) ? new StandIn.Answer(502, "<html>Bad Gateway</html>") : answer;
    }

    private StandIn.Answer checked(StandIn.Request request, StandIn.Answer answer) {
        contract.check(request, answer);
        return answer;
    }
}
