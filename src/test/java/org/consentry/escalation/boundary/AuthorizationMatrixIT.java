package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every escalation endpoint against every kind of caller: nobody, the bot, the assigned agent, another
 * agent, an admin. Another agent gets 404 on every path of someone else's escalation; a role the
 * endpoint does not name gets 403; nobody gets 401.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthorizationMatrixIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    record Endpoint(String name, String method, String path, String body) {
    }

    static final String ANONYMOUS = "anonymous";
    static final String BOT = "bot";
    static final String OWNER = "owner agent";
    static final String OTHER = "other agent";
    static final String ADMIN = "admin";

    @Test
    @Proves(Duty.GDPR_32)
    void everyEndpointAnswersEveryCallerAsItShould() {
        Api api = new Api(base);
        List<String> mismatches = new ArrayList<>();
        Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
        //                                     anonymous bot  owner other admin
        expected.put("handoff",       row(401, 201, 403, 403, 403));
        expected.put("queue",         row(401, 403, 200, 200, 200));
        expected.put("claim",         row(401, 403, 200, 409, 403));
        expected.put("view",          row(401, 403, 200, 404, 200));
        expected.put("reveal",        row(401, 403, 200, 404, 403));
        expected.put("agent message", row(401, 201, 201, 404, 403));
        expected.put("bot messages",  row(401, 200, 403, 403, 403));
        expected.put("events",        row(401, 403, 200, 200, 200));
        expected.put("resolve",       row(401, 403, 200, 404, 403));

        for (var expectation : expected.entrySet()) {
            for (var caller : expectation.getValue().entrySet()) {
                // a fresh escalation per cell, claimed by the owner where the cell needs one
                String name = expectation.getKey();
                String id = new Handoff().withConsent().handOff(api);
                boolean claimFirst = !name.equals("handoff") && !name.equals("queue")
                        && (!name.equals("claim") || caller.getKey().equals(OTHER));
                if (claimFirst) {
                    api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "");
                }
                Endpoint endpoint = endpoint(expectation.getKey(), id, new Handoff().withConsent());
                int status = call(api, endpoint, user(caller.getKey()));
                if (status != caller.getValue()) {
                    mismatches.add(endpoint.name() + " as " + caller.getKey() + ": expected " + caller.getValue() + ", got " + status);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    private static Map<String, Integer> row(int anonymous, int bot, int owner, int other, int admin) {
        Map<String, Integer> row = new LinkedHashMap<>();
        row.put(ANONYMOUS, anonymous);
        row.put(BOT, bot);
        row.put(OWNER, owner);
        row.put(OTHER, other);
        row.put(ADMIN, admin);
        return row;
    }

    private static String user(String caller) {
        return switch (caller) {
            case BOT -> Api.BOT;
            case OWNER -> Api.AGENT1;
            case OTHER -> Api.AGENT2;
            case ADMIN -> Api.ADMIN;
            default -> Api.ANONYMOUS;
        };
    }

    private static Endpoint endpoint(String name, String id, Handoff fresh) {
        String e = "api/v1/escalations/" + id;
        return switch (name) {
            case "handoff" -> new Endpoint(name, "POST", "api/v1/escalations", fresh.json());
            case "queue" -> new Endpoint(name, "GET", "api/v1/escalations?status=WAITING", null);
            case "claim" -> new Endpoint(name, "POST", e + "/claim", "");
            case "view" -> new Endpoint(name, "GET", e, null);
            case "reveal" -> new Endpoint(name, "POST", e + "/reveal", "{\"field\":\"customer.email\",\"reason\":\"confirming the address\"}");
            case "agent message" -> new Endpoint(name, "POST", e + "/messages", "{\"text\":\"hello\"}");
            case "bot messages" -> new Endpoint(name, "GET", e + "/messages?after=0", null);
            case "events" -> new Endpoint(name, "EVENTS", "api/v1/escalations/events", null);
            case "resolve" -> new Endpoint(name, "POST", e + "/resolve", "");
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static int call(Api api, Endpoint endpoint, String user) {
        HttpRequest.Builder request = api.request(endpoint.path(), user);
        switch (endpoint.method()) {
            case "GET" -> request.GET();
            case "EVENTS" -> {
                // only the status line matters: read it and drop the stream
                request.header("Accept", "text/event-stream").timeout(java.time.Duration.ofSeconds(5)).GET();
                return api.status(request);
            }
            default -> request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(endpoint.body()));
        }
        return api.send(request).status();
    }
}
