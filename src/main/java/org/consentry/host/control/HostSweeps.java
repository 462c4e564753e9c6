package org.consentry.host.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.consentry.retention.control.JobLock;

/**
 * One sweep at a time of each host table, whichever of the host's servers asks: a lease in job_lock named
 * after the host's identity and the table (a digest, for the column's 64 characters), held for
 * {@link #LEASE} or until the sweep reports.
 */
@ApplicationScoped
public class HostSweeps {

    public static final Duration LEASE = Duration.ofMinutes(5);

    @Inject
    JobLock locks;

    /** The sweep's id when this caller may sweep the table now; empty while another sweep of it holds the lease. */
    public Optional<String> lease(String host, String table) {
        String job = job(host, table);
        try {
            locks.ensure(job);
        } catch (RuntimeException concurrent) {
            // made by another request at the same moment: the row is there
        }
        String owner = UUID.randomUUID().toString();
        return locks.acquire(job, owner, LEASE) ? Optional.of(owner) : Optional.empty();
    }

    /** Gives the lease back; false when the sweep no longer held it. */
    public boolean release(String host, String table, String sweepId) {
        String job = job(host, table);
        boolean held = locks.holder(job).map(h -> h.owner().equals(sweepId)).orElse(false);
        locks.release(job, sweepId);
        return held;
    }

    static String job(String host, String table) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((host + "|" + table).getBytes(StandardCharsets.UTF_8));
            return "host-sweep:" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 43);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
