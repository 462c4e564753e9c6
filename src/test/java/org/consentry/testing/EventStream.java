package org.consentry.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client of the agents' server-sent events (GET /api/v1/escalations/events), on a thread of its own. */
public final class EventStream implements AutoCloseable {

    /** One event as received. */
    public record Event(String id, String name, String data) {
    }

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<Event> unclaimed = new ArrayList<>(); // only the caller's thread
    private final Thread thread;

    private EventStream(Api api, String user, String lastEventId) {
        HttpRequest.Builder request = api.request("api/v1/escalations/events", user)
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(120)).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        thread = new Thread(() -> read(request.build()));
        thread.setDaemon(true);
        thread.start();
    }

    /** Listens as {@code user}, from {@code lastEventId} on (null: from now). */
    public static EventStream open(Api api, String user, String lastEventId) {
        return new EventStream(api, user, lastEventId);
    }

    /**
     * The first event named {@code name} about the escalation not taken yet, waiting up to {@code seconds};
     * events about others stay for later calls (servers may send them in any order).
     */
    public Event next(String escalationId, String name, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            Event e;
            while ((e = events.poll()) != null) {
                unclaimed.add(e);
            }
            for (var it = unclaimed.iterator(); it.hasNext(); ) {
                Event candidate = it.next();
                if (candidate.name().equals(name) && candidate.data().contains(escalationId)) {
                    it.remove();
                    return candidate;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + name + " for " + escalationId + "; got " + unclaimed);
            }
            e = events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
            if (e != null) {
                unclaimed.add(e);
            }
        }
    }

    private void read(HttpRequest request) {
        try {
            HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String id = null;
                String name = null;
                StringBuilder data = new StringBuilder();
                for (String line; (line = lines.readLine()) != null && !Thread.currentThread().isInterrupted(); ) {
                    if (line.isEmpty()) {
                        if (name != null) {
                            events.add(new Event(id, name, data.toString()));
                        }
                        id = null;
                        name = null;
                        data.setLength(0);
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            }
        } catch (Exception e) {
            // closed by the test, or the server went away
        }
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
