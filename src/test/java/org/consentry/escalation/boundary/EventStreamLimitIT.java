package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Tokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security review finding 5 (issue 14): open event streams are limited per agent. With
 * {@value #STREAMS} open, the next one is refused with 429 event-stream-limit and Retry-After; once one
 * is closed, a new one is accepted, and the one after it is refused again.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EventStreamLimitIT {

    static final int STREAMS = 2;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application(Tokens.serverConfig() + "consentry.events.max-streams=" + STREAMS + "\n");
    }

    @ArquillianResource
    URL base;

    private final List<InputStream> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (InputStream stream : open) {
            stream.close();
        }
    }

    @Test
    void anAgentHoldsAtMostItsStreamsAndAClosedOneFreesItsPlace() throws Exception {
        Api api = new Api(base);
        String token = Tokens.token("agent-streams-" + UUID.randomUUID(), "agent");
        for (int i = 0; i < STREAMS; i++) {
            HttpResponse<InputStream> stream = connect(api, token);
            assertEquals(200, stream.statusCode());
            open.add(stream.body());
            String greeting = greeting(stream.body());
            assertTrue(greeting.contains("connected"), "the stream's first lines: " + greeting);
        }
        assertRefused(connect(api, token));

        open.remove(0).close();
        AtomicReference<HttpResponse<InputStream>> again = new AtomicReference<>();
        Eventually.until("a new stream is accepted once one is closed", Duration.ofSeconds(90), () -> {
            HttpResponse<InputStream> attempt = connect(api, token);
            if (attempt.statusCode() == 200) {
                again.set(attempt);
                return true;
            }
            assertRefused(attempt);
            return false;
        });
        open.add(again.get().body());
        assertRefused(connect(api, token));
    }

    private static void assertRefused(HttpResponse<InputStream> reply) throws IOException {
        try (InputStream body = reply.body()) {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(429, reply.statusCode(), text);
            assertTrue(text.contains("event-stream-limit"), text);
            String retryAfter = reply.headers().firstValue("Retry-After").orElse(null);
            assertTrue(retryAfter != null && retryAfter.matches("[1-9]\\d*"), "Retry-After: " + retryAfter);
        }
    }

    private static HttpResponse<InputStream> connect(Api api, String token) throws Exception {
        HttpRequest request = api.request("api/v1/escalations/events", Api.ANONYMOUS)
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(120)).GET().build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The stream's lines up to its first non-empty one (the server's "connected" comment). */
    private static String greeting(InputStream body) throws IOException {
        // not closed here: closing the reader would close the stream
        BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            String line = reader.readLine();
            if (line == null) {
                break;
            }
            lines.append(line).append('\n');
            if (!line.isBlank()) {
                break;
            }
        }
        return lines.toString();
    }
}
