package org.consentry.escalation.adapter.rasa;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.consentry.testing.Contract;
import org.consentry.testing.Eventually;
import org.consentry.testing.StandIn;

/**
 * Rasa as a stand-in on loopback, both of its ends Consentry calls: the HTTP API's
 * {@code POST /conversations/{id}/tracker/events} (every call and answer checked against the published
 * description, platforms/rasa/rasa-http-api.yml; a wrong {@code ?token=} gets Rasa's 401) and the
 * callback channel's URL ({@code /bot}), which takes exactly {@code {"recipient_id", "text"}}.
 */
final class FakeRasa implements Function<StandIn.Request, StandIn.Answer> {

    static final String API_TOKEN = "rasa-auth-token-it";
    static final String CALLBACK = "/bot";
    static final StandIn.Answer UNAUTHORIZED = new StandIn.Answer(401, "{\"version\":\"3.6.0\",\"status\":\"failure\","
            + "\"reason\":\"NotAuthenticated\",\"message\":\"User is not authenticated.\",\"code\":401}");

    final Contract contract = Contract.of("/platforms/rasa/rasa-http-api.yml", null);
    final StandIn server = new StandIn().answering(this);

    FakeRasa up() {
        server.up();
        return this;
    }

    @Override
    public StandIn.Answer apply(StandIn.Request request) {
        if (URI.create(request.path()).getRawPath().equals(CALLBACK)) {
            JsonObject body = RasaPayloads.json(request.body());
            boolean shaped = body.keySet().equals(java.util.Set.of("recipient_id", "text"))
                    && body.get("recipient_id") instanceof jakarta.json.JsonString && body.get("text") instanceof jakarta.json.JsonString;
            return new StandIn.Answer(shaped ? 200 : 400, "");
        }
        if (!contract.check(request).isEmpty()) {
            return new StandIn.Answer(400, "{\"version\":\"3.6.0\",\"status\":\"failure\",\"reason\":\"BadRequest\",\"code\":400}");
        }
        String query = URI.create(request.path()).getRawQuery();
        if (query == null || !query.equals("token=" + API_TOKEN)) {
            return checked(request, UNAUTHORIZED);
        }
        return checked(request, new StandIn.Answer(200, "{\"conversation_id\":\"x\",\"slots\":[],\"paused\":true,\"events\":[]}"));
    }

    private StandIn.Answer checked(StandIn.Request request, StandIn.Answer answer) {
        contract.check(request, answer);
        return answer;
    }

    /** The events appended to {@code senderId}'s tracker, in order, waiting for {@code count}. */
    List<String> events(String senderId, int count) throws Exception {
        Eventually.until(count + " tracker events", Duration.ofSeconds(30), () -> eventsNow(senderId).size() >= count);
        return eventsNow(senderId);
    }

    private List<String> eventsNow(String senderId) {
        return server.received.stream().filter(r -> decodedPath(r).equals("/conversations/" + senderId + "/tracker/events"))
                .map(r -> RasaPayloads.json(r.body()).getString("event")).toList();
    }

    /** The callback channel's messages to {@code senderId}, waiting for {@code count}. */
    List<JsonObject> callbacks(String senderId, int count) throws Exception {
        Eventually.until(count + " callback messages", Duration.ofSeconds(30), () -> callbacksNow(senderId).size() >= count);
        return callbacksNow(senderId);
    }

    private List<JsonObject> callbacksNow(String senderId) {
        return server.received.stream().filter(r -> decodedPath(r).equals(CALLBACK)).map(r -> RasaPayloads.json(r.body()))
                .filter(b -> senderId.equals(b.getString("recipient_id", null))).toList();
    }

    private static String decodedPath(StandIn.Request r) {
        return URLDecoder.decode(URI.create(r.path()).getRawPath(), StandardCharsets.UTF_8);
    }
}
