package org.consentry.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small HTTP client for the API tests: sends as a dev user (or a bearer token) and parses JSON answers. */
public final class Api {

    public static final String BOT = "bot:bot-dev";
    public static final String AGENT1 = "agent1:agent1-dev";
    public static final String AGENT2 = "agent2:agent2-dev";
    public static final String ADMIN = "admin:admin-dev";
    public static final String CRM = "crm:crm-dev";
    /** A host application's client jar (role host). */
    public static final String HOST = "helpdesk:helpdesk-dev";
    public static final String ANONYMOUS = null;

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final HttpClient client;

    public Api(URL base) {
        this(base, CLIENT);
    }

    /** Through a client of the caller's (one that trusts a server's own TLS certificate, say). */
    public Api(URL base, HttpClient client) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
        this.client = client;
    }

    /** A client like the default one that trusts the certificates of {@code trustStore}. */
    public static HttpClient trusting(java.security.KeyStore trustStore) {
        try {
            var trust = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore);
            var tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).sslContext(tls).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Reply get(String path, String user) {
        return send(request(path, user).GET());
    }

    public Reply delete(String path, String user) {
        return send(request(path, user).DELETE());
    }

    public Reply put(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply post(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path.startsWith("/") ? path.substring(1) : path))
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            builder.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    /** Only the status of a response whose body may never end (server-sent events). */
    public int status(HttpRequest.Builder builder) {
        try {
            HttpResponse<java.io.InputStream> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Any request, for the odd cases (wrong content type, huge bodies, bearer tokens). */
    public Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its body parsed when it is JSON. */
    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String contentType() {
            return response.headers().firstValue("Content-Type").orElse("");
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String text() {
            return response.body();
        }

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.read();
            }
        }

        /** The body as a problem (RFC 9457): asserts the media type and the members every problem has. */
        public JsonObject problem() {
            if (!contentType().startsWith("application/problem+json")) {
                throw new AssertionError("expected application/problem+json, got " + contentType() + ": " + text());
            }
            JsonObject problem = json();
            for (String member : new String[] {"type", "title", "status", "detail"}) {
                if (!problem.containsKey(member) || problem.get(member) == JsonValue.NULL) {
                    throw new AssertionError("problem without " + member + ": " + text());
                }
            }
            if (problem.getInt("status") != status()) {
                throw new AssertionError("problem status " + problem.getInt("status") + " but HTTP " + status());
            }
            if (text().contains("Exception") || text().contains("\tat ")) {
                throw new AssertionError("problem leaks a stack trace: " + text());
            }
            return problem;
        }

        @Override
        public String toString() {
            return status() + " " + text();
        }
    }
}
