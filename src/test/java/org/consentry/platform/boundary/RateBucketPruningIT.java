package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.sql.DataSource;
import org.consentry.platform.control.RateLimits;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security finding 5: the rate-limit buckets that are full again are deleted, so that a sign-in spray
 * of made-up names (one bucket each) does not grow the table for ever; a bucket in use stays.
 */
@ExtendWith(ArquillianExtension.class)
class RateBucketPruningIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationWithHelpers();
    }

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Inject
    RateLimits limits;

    @Inject
    RateBucketPruneBatch pruning;

    @Test
    void bucketsPastTheirExpiryGoAndBucketsInUseStay() throws Exception {
        Db db = new Db(dataSource);
        String run = "prune-it:" + UUID.randomUUID();
        long now = System.currentTimeMillis();
        db.update("INSERT INTO rate_bucket (id, expires_at) VALUES (?, ?)", run + ":expired", now - 60_000);
        db.update("INSERT INTO rate_bucket (id, expires_at) VALUES (?, ?)", run + ":waiting", now + 600_000);
        String inUse = UUID.randomUUID().toString();
        assertTrue(limits.take("prune-it", inUse, new RateLimits.Rate(1, Duration.ofHours(1))).isEmpty());

        int pruned = pruning.prune(1000);

        assertTrue(pruned >= 1, "at least the expired bucket of this run: " + pruned);
        assertEquals(0, db.rows("SELECT id FROM rate_bucket WHERE id = ?", run + ":expired").size(), "the expired bucket is gone");
        assertEquals(1, db.rows("SELECT id FROM rate_bucket WHERE id = ?", run + ":waiting").size(), "a bucket still refilling stays");
        String inUseKey = "prune-it:1/PT1H:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(inUse.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, db.rows("SELECT id FROM rate_bucket WHERE id = ?", inUseKey).size(),
                "the bucket a token was just taken from stays");
        assertTrue(limits.take("prune-it", inUse, new RateLimits.Rate(1, Duration.ofHours(1))).isPresent(),
                "and still counts: its one token is gone");
        db.update("DELETE FROM rate_bucket WHERE id LIKE ?", run + "%");
    }
}
