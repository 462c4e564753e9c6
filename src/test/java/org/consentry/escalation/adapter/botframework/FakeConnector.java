package org.consentry.escalation.adapter.botframework;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.consentry.testing.Contract;
import org.consentry.testing.Eventually;
import org.consentry.testing.StandIn;

/**
 * The Bot Connector of a conversation's service URL, as a stand-in: SendToConversation
 * (POST /v3/conversations/{conversationId}/activities) checked against the Bot Connector API's
 * published Swagger description (src/test/resources/platforms/botframework, SOURCE.md), accepting
 * only a Bearer token the fake login issued; it answers a ResourceResponse. A test can make it refuse
 * the next token (401), as the connector does with an expired one.
 */
final class FakeConnector implements Function<StandIn.Request, StandIn.Answer> {

    /** One activity as it arrived: the conversation id from the path, the token, the activity. */
    record Posted(String conversationId, String bearer, JsonObject activity) {
    }

    final Contract contract = Contract.of("/platforms/botframework/connector-api-v3.json", null);
    final List<Posted> posted = new CopyOnWriteArrayList<>();
    final AtomicInteger refused = new AtomicInteger();
    private final FakeMicrosoftLogin login;
    private final AtomicInteger refuseNext = new AtomicInteger();

    FakeConnector(FakeMicrosoftLogin login) {
        this.login = login;
    }

    /** The next request is refused with 401 whatever its token (the token expired meanwhile). */
    void expireTokenOnce() {
        refuseNext.incrementAndGet();
    }

    List<Posted> in(String conversationId) {
        return posted.stream().filter(p -> p.conversationId().equals(conversationId)).toList();
    }

    /** Waits for {@code count} activities of {@code type} in the conversation; a failure says what the connector saw. */
    List<Posted> await(String conversationId, String type, int count) throws Exception {
        try {
            Eventually.until(count + " " + type + " activities at the connector", Duration.ofSeconds(30),
                    () -> of(conversationId, type).size() >= count);
        } catch (AssertionError late) {
            throw new AssertionError(late.getMessage() + "; refused " + refused.get() + ", got " + posted.size()
                    + "; contract violations " + contract.violations(), late);
        }
        return of(conversationId, type);
    }

    private List<Posted> of(String conversationId, String type) {
        return in(conversationId).stream().filter(p -> type.equals(p.activity().getString("type"))).toList();
    }

    @Override
    public StandIn.Answer apply(StandIn.Request request) {
        String bearer = request.header("Authorization");
        String token = bearer != null && bearer.startsWith("Bearer ") ? bearer.substring(7) : null;
        if (token == null || !login.issued.contains(token) || refuseNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refused.incrementAndGet();
            return new StandIn.Answer(401, "{\"message\":\"Authorization has been denied for this request.\"}");
        }
        if (!contract.check(request).isEmpty()) {
            return new StandIn.Answer(400, "{\"error\":{\"code\":\"BadArgument\",\"message\":\"not as the contract says\"}}");
        }
        String path = URI.create(request.path()).getRawPath();
        String[] segments = path.split("/");
        String conversationId = URLDecoder.decode(segments[3], StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(request.body()))) {
            posted.add(new Posted(conversationId, token, reader.readObject()));
        }
        StandIn.Answer answer = StandIn.Answer.ok("{\"id\":\"" + conversationId.hashCode() + "|" + posted.size() + "\"}");
        contract.check(request, answer);
        return answer;
    }
}
