package org.consentry.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.EventStream;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.consentry.testing.StandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two servers on one PostgreSQL behind nginx (scripts/cluster/cluster.sh up scripts/cluster/test.env):
 * claims, deliveries and sweeps happen once across both; events reach clients of either; a server killed
 * with kill -9 leaves its pending deliveries and its sweeps to the other; handoffs that were answered
 * with success survive the kill; a PostgreSQL restart and killed connections are survived without a
 * server restart, an erasure in the middle of it completes once; a CRM that is down, slow and flapping
 * loses nothing and gets nothing applied twice. Figures are printed; only outcomes are asserted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    /**
     * The CRM: answers as the test says and, as the webhook contract asks of a receiver, applies a delivery
     * the first time its webhook-id arrives; a key that comes again is a replay, counted, not applied.
     */
    static final StandIn CRM = new StandIn(19190).concurrent();
    static final Map<String, AtomicInteger> APPLIED = new ConcurrentHashMap<>();
    static final Map<String, Set<String>> BODIES = new ConcurrentHashMap<>();
    static final AtomicInteger REPLAYS = new AtomicInteger();
    static volatile int crmStatus = 204;
    static volatile long crmDelayMillis;
    static final AtomicInteger FLAPS = new AtomicInteger();

    final Api lb = Cluster.api(Cluster.NGINX);
    final Db db = Cluster.db();

    @BeforeAll
    static void crm() {
        CRM.answering(request -> {
            if (crmDelayMillis > 0) {
                sleep(crmDelayMillis);
            }
            int status = crmStatus == -1 ? (FLAPS.incrementAndGet() % 2 == 0 ? 503 : 204) : crmStatus;
            if (status < 300) {
                String key = request.header("webhook-id");
                BODIES.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(request.body());
                if (APPLIED.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                    REPLAYS.incrementAndGet();
                }
            }
            return new StandIn.Answer(status, "");
        }).up();
    }

    @AfterAll
    static void crmDown() {
        CRM.down();
    }

    @BeforeEach
    void crmHealthy() {
        crmStatus = 204;
        crmDelayMillis = 0;
    }

    @Test
    @Order(1)
    void claimsAreExactlyOnceAcrossTheTwoServers() throws Exception {
        Api one = Cluster.api(Cluster.NODE1);
        Api two = Cluster.api(Cluster.NODE2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 30; i++) {
                String id = new Handoff().withConsent().handOff(lb);
                CountDownLatch go = new CountDownLatch(1);
                Future<Integer> first = pool.submit(() -> {
                    go.await();
                    return one.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status();
                });
                Future<Integer> second = pool.submit(() -> {
                    go.await();
                    return two.post("api/v1/escalations/" + id + "/claim", Api.AGENT2, "").status();
                });
                go.countDown();
                int a = first.get();
                int b = second.get();
                assertEquals(Set.of(200, 409), Set.of(a, b), "one claim wins, on either server: " + a + "/" + b);
                Object agent = db.rows("SELECT agent FROM escalation WHERE id = ?", id).get(0).get("agent");
                assertEquals(a == 200 ? "agent1" : "agent2", agent, "the database holds the winner");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(2)
    void eventsReachClientsOnEitherServer() throws Exception {
        try (EventStream onOne = EventStream.open(Cluster.api(Cluster.NODE1), Api.AGENT1, null);
             EventStream onTwo = EventStream.open(Cluster.api(Cluster.NODE2), Api.AGENT2, null)) {
            Thread.sleep(1000);
            String viaTwo = new Handoff().withConsent().handOff(Cluster.api(Cluster.NODE2));
            String viaOne = new Handoff().withConsent().handOff(Cluster.api(Cluster.NODE1));
            onOne.next(viaTwo, "escalation.waiting", 15);
            onTwo.next(viaOne, "escalation.waiting", 15);
            onOne.next(viaOne, "escalation.waiting", 15);
            onTwo.next(viaTwo, "escalation.waiting", 15);
        }
    }

    @Test
    @Order(3)
    void deliveriesRunOnceAcrossBothServers() throws Exception {
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            deliveries.add(lead(lb));
        }
        Eventually.until("every lead reaches the CRM", Duration.ofSeconds(60), () -> deliveries.stream().allMatch(APPLIED::containsKey));
        Thread.sleep(2000); // nothing more arrives
        for (String d : deliveries) {
            assertEquals(1, APPLIED.get(d).get(), "delivered once: " + d);
        }
        assertEquals(200L, count("SELECT COUNT(*) AS n FROM outbox_entry WHERE status = 'DELIVERED' AND id IN (" + in(deliveries) + ")"));
    }

    @Test
    @Order(4)
    void sweepsRunOneAtATimeAcrossBothServers() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        String subject = dueRows(500);
        Eventually.until("the due rows are swept", Duration.ofSeconds(30),
                () -> count("SELECT COUNT(*) AS n FROM escalation_message WHERE subject_id = '" + subject + "' AND seq > 100") == 0);
        Thread.sleep(7000); // a few more turns of both schedules
        List<Map<String, Object>> runs = db.rows("SELECT started_at, finished_at FROM sweep_run WHERE started_at >= ?"
                + " ORDER BY started_at", ts(from));
        assertTrue(runs.size() >= 2, "both schedules kept sweeping: " + runs.size());
        for (int i = 1; i < runs.size(); i++) {
            Object previousEnd = runs.get(i - 1).get("finished_at");
            assertTrue(previousEnd != null && !((Timestamp) runs.get(i).get("started_at")).before((Timestamp) previousEnd),
                    "sweeps never overlap: " + runs.get(i - 1) + " / " + runs.get(i));
        }
        System.out.println("sweeps across two servers: " + runs.size() + " runs in " + Duration.between(from, Instant.now()).toSeconds()
                + " s, none overlapping");
    }

    @Test
    @Order(5)
    void aKilledServersPendingDeliveriesAndSweepsAreTakenOver() throws Exception {
        Api one = Cluster.api(Cluster.NODE1);
        crmStatus = 503;
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            deliveries.add(lead(one));
        }
        Thread.sleep(1500); // both workers have leased and tried some
        Cluster.kill(1);
        long killed = System.nanoTime();
        crmStatus = 204;
        try {
            Eventually.until("the other server delivers what was pending", Duration.ofSeconds(60),
                    () -> deliveries.stream().allMatch(APPLIED::containsKey));
            long deliveredMillis = (System.nanoTime() - killed) / 1_000_000;
            // a delivery node1 had in flight when it died may come again from node2: with the same key and payload
            int replays = 0;
            for (String d : deliveries) {
                assertEquals(1, BODIES.get(d).size(), "one delivery, one payload: " + d);
                replays += APPLIED.get(d).get() - 1;
            }
            String subject = dueRows(200);
            long sweepStart = System.nanoTime();
            Eventually.until("the other server sweeps", Duration.ofSeconds(40),
                    () -> count("SELECT COUNT(*) AS n FROM escalation_message WHERE subject_id = '" + subject + "' AND seq > 100") == 0);
            System.out.println(String.format("kill -9 of node1: its 40 pending deliveries delivered by node2 %d ms after the kill"
                    + " (outbox lease PT6S), %d replayed with the same webhook-id; due rows swept by node2 %d ms after they"
                    + " were due (sweep every PT3S, lease PT6S)", deliveredMillis, replays, (System.nanoTime() - sweepStart) / 1_000_000));
        } finally {
            Cluster.start(1);
        }
    }

    @Test
    @Order(6)
    void everyHandoffAnsweredWithSuccessSurvivesAKill() throws Exception {
        int threads = 6;
        List<Handoff> customers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Handoff customer = new Handoff().withConsent();
            customer.handOff(lb); // records the customer's consent, which the load's handoffs then rely on
            customers.add(customer);
        }
        Set<String> stored = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        long end = System.nanoTime() + Duration.ofSeconds(12).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> load = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                load.add(pool.submit(() -> {
                    for (int n = 0; System.nanoTime() < end; n++) {
                        Handoff base = customers.get((thread * 10 + n) % customers.size());
                        Handoff next = new Handoff().customer("Load " + n, "load" + n + "@example.pl", "+48 600 000 " + (100 + n % 900));
                        String json = next.json().replace(next.subjectId, base.subjectId);
                        try {
                            Api.Reply reply = lb.post("api/v1/escalations", Api.BOT, json);
                            if (reply.status() == 201 || reply.status() == 200) {
                                stored.add(reply.json().getString("id"));
                            } else {
                                failed.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(4000);
            Cluster.kill(2);
            for (Future<?> f : load) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
            Cluster.start(2);
        }
        assertTrue(stored.size() > 20, "enough handoffs under load: " + stored.size());
        assertEquals((long) stored.size(), count("SELECT COUNT(*) AS n FROM escalation WHERE id IN (" + in(List.copyOf(stored)) + ")"),
                "every handoff answered 201 is in the database");
        for (String id : stored) {
            Api.Reply view = lb.get("api/v1/escalations/" + id, Api.ADMIN);
            assertEquals(200, view.status(), "readable: " + id + " " + view);
            assertTrue(view.json().getJsonObject("customer").getString("name").startsWith("L"), "the sealed name opens and is masked");
            assertEquals(2, view.json().getJsonArray("transcript").size(), "the whole transcript is there");
        }
        Api.Reply chain = lb.get("api/v1/audit/verification", Api.ADMIN);
        assertTrue(chain.json().getBoolean("valid"), chain::toString);
        System.out.println(String.format("kill -9 of node2 during 12 s of handoff load through nginx: %d handoffs answered 201,"
                + " all stored, readable and in a valid audit chain; %d requests failed while node2 went down", stored.size(), failed.get()));
    }

    @Test
    @Order(7)
    void aPostgresRestartAndKilledConnectionsAreSurvivedAndAnErasureCompletesOnce() throws Exception {
        Handoff erased = new Handoff().withConsent();
        erased.handOff(lb);
        Api.Reply accepted = lb.delete("api/v1/subjects/" + erased.subjectId, Api.ADMIN);
        assertEquals(202, accepted.status(), accepted::toString);
        String request = accepted.json().getString("requestId");
        String version = Cluster.run(Duration.ofSeconds(10), "bash", "-c", "ls /usr/lib/postgresql | sort -V | tail -n 1").strip();
        long restart = System.nanoTime();
        Cluster.run(Duration.ofMinutes(2), "pg_ctlcluster", version, "main", "restart");
        long back = recovered();
        Eventually.until("the erasure completes", Duration.ofSeconds(60),
                () -> "COMPLETED".equals(lb.get("api/v1/erasures/" + request, Api.ADMIN).json().getString("status")));
        assertEquals(1L, count("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'erasure.erased' AND detail LIKE 'request "
                + request + "%'"), "erased once");
        // the request names its notices by its own id (one per CRM recipient; here the one recipient crm)
        assertEquals(request, db.rows("SELECT crm_delivery_id FROM erasure_request WHERE id = ?", request).get(0).get("crm_delivery_id"));
        List<Map<String, Object>> notices = db.rows("SELECT id FROM outbox_entry WHERE kind = 'crm.erase' AND reference = ?", request);
        assertEquals(1, notices.size(), "one notice for the one recipient: " + notices);
        String notice = (String) notices.get(0).get("id");
        Eventually.until("the CRM applies the erasure notice", Duration.ofSeconds(30), () -> APPLIED.containsKey(notice));
        assertEquals(1, BODIES.get(notice).size(), "the CRM was told once (a replay carries the same key and payload)");

        long terminated;
        try (var c = Cluster.connection(); var s = c.createStatement()) {
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + Cluster.DB_NAME
                    + "' AND pid <> pg_backend_pid()");
            terminated = System.nanoTime();
        }
        long afterTerminate = recovered();
        System.out.println(String.format("PostgreSQL restart: both servers took handoffs again %d ms after the restart began,"
                        + " without a restart of their own; the erasure begun before it completed once; killed connections:"
                        + " recovered in %d ms", (back - restart) / 1_000_000, (afterTerminate - terminated) / 1_000_000));
    }

    /** Waits until both servers take a handoff again; returns when. */
    private long recovered() throws Exception {
        Eventually.until("both servers work again", Duration.ofSeconds(60), () -> {
            for (int n = 1; n <= 2; n++) {
                Api api = Cluster.api(Cluster.node(n));
                try {
                    Handoff h = new Handoff().withConsent();
                    if (api.post("api/v1/escalations", Api.BOT, h.json()).status() != 201) {
                        return false;
                    }
                } catch (RuntimeException e) {
                    return false;
                }
            }
            return true;
        });
        return System.nanoTime();
    }

    @Test
    @Order(8)
    void aCrmDownThenSlowThenFlappingLosesNothingAndGetsNothingTwice() throws Exception {
        crmStatus = 503;
        List<String> deliveries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            deliveries.add(lead(lb));
        }
        Thread.sleep(60_000);
        long down = count("SELECT COALESCE(SUM(attempts), 0) AS n FROM outbox_entry WHERE id IN (" + in(deliveries) + ")");
        crmStatus = 204;
        crmDelayMillis = 2000; // slow, yet within consentry.outbox.request-timeout (PT3S in test.env)
        int replaysBefore = REPLAYS.get();
        for (int i = 0; i < 10; i++) {
            deliveries.add(lead(lb));
        }
        Eventually.until("delivered to the slow CRM", Duration.ofSeconds(120), () -> deliveries.stream().allMatch(APPLIED::containsKey));
        crmDelayMillis = 0;
        crmStatus = -1; // flapping: every other request fails
        List<String> flapping = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            flapping.add(lead(lb));
        }
        deliveries.addAll(flapping);
        Eventually.until("delivered to the flapping CRM", Duration.ofSeconds(60), () -> deliveries.stream().allMatch(APPLIED::containsKey));
        Thread.sleep(2000);
        for (String d : deliveries) {
            assertEquals(1, BODIES.get(d).size(), "one delivery, one payload, however often it came: " + d);
        }
        // no server died here and every answer came within the request timeout: nothing was sent twice
        assertEquals(0, REPLAYS.get() - replaysBefore, "deliveries sent again after the CRM had answered 2xx");
        assertEquals((long) deliveries.size(), count("SELECT COUNT(*) AS n FROM outbox_entry WHERE status = 'DELIVERED' AND id IN ("
                + in(deliveries) + ")"));
        long attempts = count("SELECT COALESCE(SUM(attempts), 0) AS n FROM outbox_entry WHERE id IN (" + in(deliveries) + ")");
        System.out.println(String.format("CRM down 60 s (20 leads: %d attempts meanwhile), then 2 s slow (10 leads), then flapping"
                + " (20 leads): all %d delivered, each applied once, no replays, %d attempts in all", down, deliveries.size(), attempts));
    }

    /** A lead with its consent, sent through {@code api}; returns the delivery's id. */
    private String lead(Api api) {
        String subject = "lead-" + UUID.randomUUID();
        Api.Reply reply = api.post("api/v1/subjects/" + subject + "/crm-sync", Api.BOT,
                "{\"name\":\"Jan Test\",\"email\":\"jan.test@example.pl\","
                + "\"consent\":{\"noticeVersion\":\"2026-11\",\"channel\":\"chat\",\"evidence\":\"m-3\"}}");
        assertTrue(reply.status() < 300, reply::toString);
        return reply.json().getString("deliveryId");
    }

    /** {@code rows} transcript rows of a new escalation, due a day ago; returns the subject. */
    private String dueRows(int rows) throws Exception {
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(lb);
        db.insertMessages(id, handoff.subjectId, rows, 101, ts(Instant.now().minus(Duration.ofDays(1))), new byte[64]);
        return handoff.subjectId;
    }

    private long count(String sql) throws Exception {
        return ((Number) db.rows(sql).get(0).get("n")).longValue();
    }

    private static String in(List<String> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
