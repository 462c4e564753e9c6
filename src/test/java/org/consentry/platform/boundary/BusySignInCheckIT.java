package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import javax.sql.DataSource;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A servlet filter that meets a busy database answers as a resource does: the sign-in check (a filter,
 * before JAX-RS) reads its rate buckets under a row lock; when other work holds those rows past the
 * database's lock wait, the client gets 503 database-busy with Retry-After and an unchanged record, never
 * the container's bare 500. The lock is the test's own uncommitted update of the sign-in buckets; the wait
 * bound is Derby's derby.locks.waitTimeout, one second while the lock is held (a database property that
 * takes effect at once; PostgreSQL's lock_timeout is a session setting the server's pooled sessions do not
 * take from a test). The request after it must succeed: its transaction may start on the pooled connection
 * whose branch the lock timeout ended, after a database property changed (the test's own reset of the
 * bound), which on Derby failed with 40XT8 until every XA start was given its timeout (db-derby.xml).
 */
@ExtendWith(ArquillianExtension.class)
@DisabledIfSystemProperty(named = "consentry.db", matches = "postgres", disabledReason = "PostgreSQL's lock wait bound"
        + " (lock_timeout) is a session setting the server's pooled sessions do not take from a test")
class BusySignInCheckIT {

    static final String PATH = "api/v1/escalations?status=WAITING&limit=1";

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationWithHelpers("""
                config_ordinal=700
                consentry.sign-in.recheck=PT0.001S
                """);
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Test
    void aSignInCheckThatMeetsLockedBucketsIsA503WithRetryAfterAndTheSameRequestThenSucceeds() throws Exception {
        Api api = new Api(base);
        assertEquals(200, api.get(PATH, Api.AGENT1).status(), "the agent's sign-in buckets exist");
        Api.Reply busy;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "UPDATE rate_bucket SET expires_at = expires_at WHERE id LIKE 'sign-in-%'")) {
                assertTrue(lock.executeUpdate() >= 2, "the name's and the address's buckets are locked");
            }
            setWaitTimeout("1");
            try {
                busy = api.get(PATH, Api.AGENT1);
            } finally {
                setWaitTimeout(null);
                holder.rollback();
            }
        }
        assertEquals(503, busy.status(), busy::toString);
        JsonObject problem = busy.problem();
        assertTrue(problem.getString("type").endsWith("/database-busy"), problem::toString);
        assertEquals("1", busy.header("Retry-After"));
        assertFalse(busy.text().contains("rate_bucket"), "nothing of the failure's internals: " + busy);

        Api.Reply again = api.get(PATH, Api.AGENT1);
        assertEquals(200, again.status(), again::toString);
    }

    private void setWaitTimeout(String seconds) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', ?)")) {
            s.setString(1, seconds);
            s.execute();
        }
    }
}
