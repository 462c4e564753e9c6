package org.consentry.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on loopback standing in for a CRM or a bot: it records every request and answers
 * what the test tells it to. It can be down (not listening) and come up later on the same port.
 */
public final class StandIn implements AutoCloseable {

    /** One request as it arrived. */
    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** The answer to give: status, JSON body (may be empty) and any headers besides Content-Type (Retry-After...). */
    public record Answer(int status, String body, Map<String, String> headers) {
        public Answer(int status, String body) {
            this(status, body, Map.of());
        }

        public static Answer ok(String body) {
            return new Answer(200, body);
        }
    }

    public final int port;
    public final List<Request> received = new CopyOnWriteArrayList<>();
    private volatile Function<Request, Answer> answers = r -> new Answer(204, "");
    private HttpServer server;
    private ExecutorService executor;
    private boolean concurrent;

    public StandIn() {
        this(freePort());
    }

    public StandIn(int port) {
        this.port = port;
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    public StandIn answering(Function<Request, Answer> answers) {
        this.answers = answers;
        return this;
    }

    /**
     * Answers requests side by side (one thread each) instead of one after the other: a slow answer then
     * delays only its own request, as with a real CRM. The answering function must be thread-safe.
     */
    public StandIn concurrent() {
        this.concurrent = true;
        return this;
    }

    public synchronized StandIn up() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        if (concurrent) {
            executor = Executors.newCachedThreadPool();
            server.setExecutor(executor);
        }
        server.start();
        return this;
    }

    public synchronized void down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /** Waits until {@code count} requests arrived or the timeout passed; returns what arrived. */
    public List<Request> await(int count, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (received.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                Map.copyOf(exchange.getRequestHeaders()), body);
        received.add(request);
        Answer answer = answers.apply(request);
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        answer.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        down();
    }
}
