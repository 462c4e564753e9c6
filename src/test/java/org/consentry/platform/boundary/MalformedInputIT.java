package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input below the API: bodies too large, too deep or not UTF-8, broken chunking, header floods,
 * request lines the container refuses. Every one gets a 4xx (a problem where the application answers;
 * Liberty's own 400 where the container refuses before the application runs), never a 5xx or a stack
 * trace, and the server stays ready. Raw sockets where java.net.http refuses to send such a request.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MalformedInputIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @AfterEach
    void theServerStaysReady() {
        Api.Reply ready = new Api(base).get("health/ready", Api.ANONYMOUS);
        assertEquals(200, ready.status(), ready::toString);
    }

    @Test
    void aBodyOverTheLimitIsA413ProblemWithOrWithoutALength() {
        Api api = new Api(base);
        String huge = "{\"conversationId\":\"" + "x".repeat(300_000) + "\"}";
        Api.Reply declared = api.post("api/v1/escalations", Api.BOT, huge);
        assertEquals(413, declared.status(), declared::toString);
        assertTrue(declared.problem().getString("type").endsWith("/body-too-large"));
        assertEquals(262_144, declared.problem().getInt("limit"));
        // without Content-Length (chunked): cut off while it streams in
        Api.Reply chunked = api.send(api.request("api/v1/escalations", Api.BOT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8)))));
        assertEquals(413, chunked.status(), chunked::toString);
        assertTrue(chunked.problem().getString("type").endsWith("/body-too-large"));
    }

    /** Found by EndpointFuzzIT: the parser's own limits (1,000 levels, 1,100 digits) surfaced as 500s. */
    @Test
    void deepNestingAndEndlessNumbersAre400sWithoutAStackOverflow() throws IOException {
        Api api = new Api(base);
        String consent = "api/v1/subjects/cust-deep/consents/crm-sync";
        for (String body : List.of("[".repeat(50_000), "{\"a\":".repeat(50_000), "{\"evidence\":" + "[".repeat(1_001) + "]".repeat(1_001) + "}")) {
            Api.Reply deep = api.put(consent, Api.BOT, body);
            assertEquals(400, deep.status(), deep::toString);
            JsonObject problem = deep.problem();
            assertTrue(problem.getString("type").endsWith("/malformed-body"), deep::toString);
            assertTrue(problem.getString("detail").contains("deeper than 32 levels"), deep::toString);
        }
        Api.Reply number = api.put(consent, Api.BOT, "{\"noticeVersion\":1" + "0".repeat(5_000) + "}");
        assertEquals(400, number.status(), number::toString);
        assertTrue(number.problem().getString("detail").contains("number longer than"), number::toString);
        for (Path log : serverLogs()) {
            assertFalse(Files.readString(log, StandardCharsets.ISO_8859_1).contains("StackOverflowError"), log.toString());
        }
    }

    @Test
    void bytesThatAreNotUtf8AreA400AndNothingIsStored() {
        Api api = new Api(base);
        String subject = "cust-utf8-" + System.nanoTime();
        byte[][] wrong = {{(byte) 0xff, (byte) 0xfe}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
            {(byte) 0xc5}};
        for (byte[] bytes : wrong) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes("{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"message ".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bytes);
            body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            Api.Reply reply = api.send(api.request("api/v1/subjects/" + subject + "/consents/crm-sync", Api.BOT)
                    .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
            assertEquals(400, reply.status(), reply::toString);
            assertEquals("The request body is not valid UTF-8.", reply.problem().getString("detail"));
        }
        JsonObject consents = api.get("api/v1/subjects/" + subject + "/consents", Api.ADMIN).json();
        assertEquals(0, consents.getJsonArray("history").size(), "nothing was recorded: " + consents);
    }

    /**
     * An object that names a member twice was read as its last value: one reader of the body (a proxy, a
     * validator, the audit) could see one value and Consentry another. Parsson's rejectDuplicateKeys
     * refuses it (docs/adr/0007-hand-written-strict-json-reading.md).
     */
    @Test
    void anObjectThatNamesAMemberTwiceIsA400AndNothingIsStored() {
        Api api = new Api(base);
        String subject = "cust-twice-" + System.nanoTime();
        for (String body : List.of("{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"channel\":\"web\"}",
                "{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":{\"a\":1,\"a\":1}}")) {
            Api.Reply reply = api.put("api/v1/subjects/" + subject + "/consents/crm-sync", Api.BOT, body);
            assertEquals(400, reply.status(), reply::toString);
            JsonObject problem = reply.problem();
            assertTrue(problem.getString("type").endsWith("/malformed-body"), reply::toString);
            assertTrue(problem.getString("detail").startsWith("An object in the request body names a member twice (line 1, column "),
                    reply::toString);
        }
        JsonObject consents = api.get("api/v1/subjects/" + subject + "/consents", Api.ADMIN).json();
        assertEquals(0, consents.getJsonArray("history").size(), "nothing was recorded: " + consents);
    }

    /** Found while probing by hand: a chunk length that is no number was a 500 and a logged incident. */
    @Test
    void aBrokenChunkedBodyIsA400Problem() throws IOException {
        String response = exchange(request("POST /api/v1/subjects/cust-chunks/legal-hold HTTP/1.1",
                List.of("Content-Type: application/json", "Transfer-Encoding: chunked"), "zz\r\n{}\r\n0\r\n\r\n"));
        assertEquals(400, status(response), response);
        assertTrue(response.contains("application/problem+json") && response.contains("/malformed-body"), response);
    }

    @Test
    void headerFloodsAreRefusedByTheContainer() throws IOException {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            many.add("X-Flood-" + i + ": " + i);
        }
        assertRefused(exchange(request("GET /api/v1/me HTTP/1.1", many, "")));
        assertRefused(exchange(request("GET /api/v1/me HTTP/1.1", List.of("X-Huge: " + "h".repeat(100_000)), "")));
    }

    /** A query value of the wrong type was a 404 "no resource at this path" (JAX-RS's default for query parameters). */
    @Test
    void aQueryValueOfTheWrongTypeIsA400ThatNamesTheParameter() {
        Api api = new Api(base);
        for (String[] call : new String[][] {{"api/v1/escalations?status=waiting", Api.AGENT1, "status"},
                {"api/v1/escalations?limit=ten", Api.AGENT1, "limit"}, {"api/v1/audit?before=yesterday", Api.ADMIN, "before"},
                {"api/v1/crm/outbox?limit=1e3", Api.ADMIN, "limit"}}) {
            Api.Reply reply = api.get(call[0], call[1]);
            assertEquals(400, reply.status(), () -> call[0] + ": " + reply);
            JsonObject problem = reply.problem();
            assertTrue(problem.getString("type").endsWith("/validation-failed"), reply::toString);
            assertEquals(call[2], problem.getJsonArray("errors").getJsonObject(0).getString("field"), reply::toString);
            assertFalse(reply.text().contains(call[0].substring(call[0].indexOf('=') + 1)), "the value is not echoed: " + reply);
        }
        Api.Reply list = api.get("api/v1/escalations?status=WAITING&limit=5", Api.AGENT1);
        assertEquals(200, list.status(), list::toString);
        Api.Reply nothingThere = api.get("api/v1/no-such-resource", Api.ADMIN);
        assertEquals(404, nothingThere.status(), nothingThere::toString);
        assertTrue(nothingThere.problem().getString("type").endsWith("/not-found"), nothingThere::toString);
    }

    /**
     * java.net.http asks for an h2c upgrade on plain HTTP; Liberty used to accept it and then, for an
     * answer that goes through an error page, never answer and keep the thread parked.
     */
    @Test
    void anH2cUpgradeRequestThatEndsOnAnErrorPageIsAnswered() throws Exception {
        HttpClient h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:admin-dev".getBytes(StandardCharsets.UTF_8));
        URI root = URI.create(base.toString());
        for (HttpRequest request : List.of(
                HttpRequest.newBuilder(root.resolve("no-such-page")).timeout(Duration.ofSeconds(10)).build(),
                HttpRequest.newBuilder(root.resolve("api/v1/me")).header("Authorization", basic).header("Accept", "garbage")
                        .timeout(Duration.ofSeconds(10)).build(),
                HttpRequest.newBuilder(root.resolve("api/v1/me")).header("Authorization", basic).header("Content-Type", "a/b/c")
                        .timeout(Duration.ofSeconds(10)).build())) {
            HttpResponse<String> response = h2.send(request, HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() == 400 || response.statusCode() == 404, () -> request + ": " + response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                    () -> request + ": " + response.headers().map());
        }
    }

    @Test
    void requestsTheContainerCannotParseGet4xxWithoutAStackTrace() throws IOException {
        for (String line : List.of("GET /api/v1/subjects/%ZZ/consents HTTP/1.1", "GET /api/v1/subjects/%00/consents HTTP/1.1",
                "GET /api/v1/subjects/..;/consents HTTP/1.1", "GET /api/v1/subjects/" + "a".repeat(40_000) + "/consents HTTP/1.1",
                "POST /api/v1/subjects/x/legal-hold HTTP/1.1\r\nContent-Length: -1", "POST /api/v1/subjects/x/legal-hold HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 5",
                "POST /api/v1/subjects/x/legal-hold HTTP/1.1\r\nContent-Length: 4\r\nTransfer-Encoding: chunked")) {
            assertRefused(exchange(request(line, List.of("Content-Type: application/json"), "0\r\n\r\n")));
        }
        byte[] garbage = new byte[1_024];
        new java.util.Random(8).nextBytes(garbage);
        assertRefused(exchange(garbage));
        assertRefused(exchange("GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII)));
    }

    private static void assertRefused(String response) {
        int status = status(response);
        assertTrue(status >= 400 && status < 500, response.length() > 500 ? response.substring(0, 500) : response);
        for (String leak : new String[] {"Exception", "at org.", "at com.", "java.lang"}) {
            assertFalse(response.contains(leak), response);
        }
    }

    private static int status(String response) {
        assertTrue(response.startsWith("HTTP/1.1 "), "no HTTP status line: " + response);
        return Integer.parseInt(response.substring(9, 12));
    }

    private static byte[] request(String requestLine, List<String> headers, String body) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n")
                .append("Authorization: Basic ").append(Base64.getEncoder().encodeToString("admin:admin-dev".getBytes(StandardCharsets.UTF_8)))
                .append("\r\n");
        headers.forEach(h -> head.append(h).append("\r\n"));
        return (head + "\r\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    /** Sends the bytes as they are and reads the answer until the server closes the connection. */
    private String exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            } catch (IOException refusedMidway) {
                // the server may answer and close before all was sent: its answer is still there to read
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(answer);
            } catch (SocketTimeoutException | java.net.SocketException ended) {
                // what arrived before is the answer
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static List<Path> serverLogs() throws IOException {
        Path logs = Path.of("target", "liberty", "wlp", "usr", "servers", System.getProperty("it.server", "consentryIT"), "logs");
        try (var files = Files.walk(logs)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
