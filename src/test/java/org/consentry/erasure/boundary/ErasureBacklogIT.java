package org.consentry.erasure.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.consentry.testing.inserver.CrmRecorder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An erasure completes however many older ones still wait for their CRM's receipt. The worker used to
 * look at the oldest 100 open requests only, so on a server with a backlog (a CRM that lost deliveries,
 * or a test database that earlier runs left them in) a new request never got its receipt checked:
 * ErasureRestartIT failed on the third run of the suite on one checkout. Here 150 older requests wait
 * for deliveries that no longer exist, and a new erasure must still complete.
 */
@ExtendWith(ArquillianExtension.class)
class ErasureBacklogIT {

    static final int BACKLOG = 150;

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationWithHelpers("""
                config_ordinal=700
                consentry.retention.sweep.every=PT0S
                consentry.erasure.poll=PT0.5S
                consentry.crm.url=%s
                consentry.crm.secret=whsec_Y29uc2VudHJ5LXRlc3Qtc2VjcmV0LW5vdC1yZWFsLTE=
                consentry.crm.allow-http=true
                consentry.outbox.poll-interval=PT0.2S
                consentry.outbox.lease=PT1S
                consentry.outbox.request-timeout=PT0.5S
                """.formatted(CrmRecorder.url()));
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Test
    void aNewErasureCompletesBehindOneHundredAndFiftyThatWaitForEver() throws Exception {
        Db db = new Db(dataSource);
        String run = UUID.randomUUID().toString().substring(0, 8);
        try {
            seedWaitingRequests(run);
            Api api = new Api(base);
            Handoff handoff = new Handoff().withConsent();
            handoff.handOff(api);
            Api.Reply accepted = api.delete("api/v1/subjects/" + handoff.subjectId, Api.ADMIN);
            assertEquals(202, accepted.status(), accepted::toString);
            String request = "api/v1/erasures/" + accepted.json().getString("requestId");
            Eventually.until("the new erasure completes behind the backlog", Duration.ofSeconds(30),
                    () -> "COMPLETED".equals(api.get(request, Api.ADMIN).json().getString("status")));
            assertEquals(BACKLOG, ((Number) db.rows("SELECT COUNT(*) AS n FROM erasure_request WHERE subject_ref LIKE ?"
                    + " AND status = 'AWAITING_CRM'", "backlog-" + run + "-%").get(0).get("n")).intValue(),
                    "the backlog still waits: its deliveries do not exist");
        } finally {
            db.update("DELETE FROM erasure_request WHERE subject_ref LIKE ?", "backlog-" + run + "-%");
        }
    }

    /** Requests erased locally an hour ago whose CRM delivery is gone: their receipt never comes. */
    private void seedWaitingRequests(String run) throws Exception {
        Timestamp hourAgo = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusHours(1));
        Timestamp deadline = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).plusDays(29));
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO erasure_request"
                + " (id, subject_id, subject_ref, status, requested_at, requested_by, deadline_at, erased_at, crm_delivery_id,"
                + " attempts) VALUES (?, NULL, ?, 'AWAITING_CRM', ?, 'admin', ?, ?, ?, 0)")) {
            for (int i = 0; i < BACKLOG; i++) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, "backlog-" + run + "-" + i);
                insert.setTimestamp(3, hourAgo);
                insert.setTimestamp(4, deadline);
                insert.setTimestamp(5, hourAgo);
                insert.setString(6, UUID.randomUUID().toString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
