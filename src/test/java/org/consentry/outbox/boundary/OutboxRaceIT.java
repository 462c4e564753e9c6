package org.consentry.outbox.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.consentry.outbox.control.Outbox;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several workers (as several servers would be) drain the same outbox at once: every entry is
 * leased by one of them only, delivered once, and marked delivered.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxRaceIT {

    static final int ENTRIES = 300;
    static final int WORKERS = 4;

    @Deployment
    static WebArchive deployment() {
        return Deployments.component("outbox-race-it", "consentry.outbox.batch=7", "outbox");
    }

    @Inject
    OutboxWorker worker;

    @Inject
    Outbox outbox;

    @Inject
    CountingHandler counting;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction tx;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Test
    void racingWorkersDeliverEachEntryOnce() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> ids = new ArrayList<>();
        tx.begin();
        for (int i = 0; i < ENTRIES; i++) {
            ids.add(outbox.enqueue(CountingHandler.KIND, null, run + "-" + i, "test://nowhere").id());
        }
        tx.commit(); // this also wakes the server's own worker: it races too

        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> leased = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                String as = "racer-" + w;
                leased.add(pool.submit(() -> {
                    start.await();
                    return worker.drainAs(as);
                }));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : leased) {
                total += f.get();
            }
            total += worker.drainAs("last");
            assertTrue(total <= ENTRIES, "leased " + total);
        } finally {
            pool.shutdownNow();
        }
        // the server's own worker, woken by the commit, may still be finishing what it leased
        Db db = new Db(dataSource);
        for (int i = 0; i < 100 && !db.rows("SELECT id FROM outbox_entry WHERE reference LIKE ? AND status <> 'DELIVERED'",
                run + "-%").isEmpty(); i++) {
            Thread.sleep(100);
        }

        for (String id : ids) {
            assertEquals(1, counting.deliveriesOf(id), "entry " + id + " delivered once");
        }
        var statuses = db.rows("SELECT status, COUNT(*) AS n FROM outbox_entry WHERE reference LIKE ?"
                + " GROUP BY status", run + "-%");
        assertEquals(1, statuses.size(), statuses::toString);
        assertEquals("DELIVERED", statuses.get(0).get("status"));
        assertEquals(ENTRIES, ((Number) statuses.get(0).get("n")).intValue());
    }
}
