package org.consentry.crmsync.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.StandIn;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A measurement, not a timed test: how many CRM deliveries per second one server's worker makes to a
 * webhook receiver on loopback (each built from sealed data, opened and audited, signed, posted,
 * recorded). Prints the figure and appends it to target/outbox-throughput.txt; asserts only that
 * every delivery arrived exactly once.
 */
@ExtendWith(ArquillianExtension.class)
class OutboxThroughputIT {

    static final int DELIVERIES = 1000;

    @Deployment
    static WebArchive deployment() {
        return Deployments.component("outbox-throughput-it", """
                config_ordinal=700
                consentry.crm.url=http://localhost:%d/crm
                consentry.crm.secret=whsec_Y29uc2VudHJ5LXRlc3Qtc2VjcmV0LW5vdC1yZWFsLTE=
                consentry.crm.allow-http=true
                consentry.outbox.poll-interval=PT0.1S
                consentry.outbox.batch=50
                """.formatted(PORT), "crmsync");
    }

    static final int PORT = freePort();

    @Inject
    ThroughputLeads leads;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Test
    void measureDeliveriesPerSecond() throws Exception {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        int[] duplicates = {0};
        // the deployment chose the port in the client JVM: read it back from the configuration
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("consentry.crm.url", String.class);
        int port = java.net.URI.create(url).getPort();
        String subject = "throughput-" + UUID.randomUUID();
        try (StandIn crm = new StandIn(port).answering(r -> {
            if (!r.body().contains(subject)) {
                return new StandIn.Answer(204, ""); // left over from an earlier run
            }
            if (!keys.add(r.header("webhook-id"))) {
                duplicates[0]++;
            }
            return new StandIn.Answer(204, "");
        }).up()) {
            long start = System.nanoTime();
            leads.queue(subject, DELIVERIES, url);
            while (keys.size() < DELIVERIES && System.nanoTime() - start < 120_000_000_000L) {
                Thread.sleep(20);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            var statuses = new Db(dataSource).rows("SELECT status, COUNT(*) AS n FROM outbox_entry WHERE subject_id = ?"
                    + " GROUP BY status", subject);
            String line = String.format(Locale.ROOT, "outbox throughput: %d CRM deliveries (webhook, signed, loopback receiver)"
                    + " in %.2f s = %.0f deliveries/s; duplicates at the receiver: %d; %s", DELIVERIES, seconds,
                    DELIVERIES / seconds, duplicates[0], System.getProperty("java.vm.name"));
            System.out.println(line);
            Files.writeString(Path.of(System.getenv("WLP_OUTPUT_DIR")).resolve("../../../../outbox-throughput.txt").normalize(),
                    Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            assertEquals(DELIVERIES, keys.size());
            assertEquals(0, duplicates[0]);
        }
    }

    private static int freePort() {
        try (var probe = new java.net.ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
