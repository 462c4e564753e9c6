package org.consentry.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.control.Checkpoint;
import org.consentry.audit.control.CheckpointSigner;
import org.consentry.audit.entity.Outcome;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /api/v1/audit/verification with a checkpoint (as the sinks receive them, signed by the same
 * signer): an intact chain extends it; a changed checkpoint fails its signature; an emptied audit table
 * and a table rewritten into a new, internally valid chain both verify on their own (GET) and fail against
 * the checkpoint, with a problem saying what. Every verification is audited. Each test that breaks the
 * table puts every row back.
 */
@ExtendWith(ArquillianExtension.class)
@Proves(Duty.GDPR_32)
class CheckpointVerificationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.component("audit-checkpoint-it", "consentry.audit.link-interval=PT1H", "audit");
    }

    @ArquillianResource
    URL base;

    @Inject
    AuditTrail trail;

    @Inject
    ChainLinker linker;

    @Inject
    CheckpointSigner signer;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    Db db;
    Api api;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        api = new Api(base);
    }

    @Test
    void anIntactChainExtendsTheCheckpointAndTheVerificationIsAudited() throws Exception {
        Checkpoint checkpoint = checkpointOfTheHeadAfter(3);
        record(2);
        var reply = api.post("api/v1/audit/verification", Api.ADMIN, json(checkpoint));
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.json().getBoolean("valid"));
        assertEquals(checkpoint.seq(), reply.json().getJsonNumber("checkpointSeq").longValue());
        assertTrue(reply.json().getJsonNumber("headSeq").longValue() >= checkpoint.seq() + 2, reply::toString);
        assertEquals("DONE", verificationRecord(checkpoint).get("outcome"));
    }

    @Test
    void aCheckpointChangedAfterSigningFailsItsSignature() throws Exception {
        Checkpoint signed = checkpointOfTheHeadAfter(1);
        Checkpoint changed = new Checkpoint(signed.format(), signed.seq() + 1, signed.keyVersion(), signed.headHash(),
                signed.at(), signed.signingKeyVersion(), signed.signature());
        var reply = api.post("api/v1/audit/verification", Api.ADMIN, json(changed));
        assertEquals(422, reply.status(), reply::toString);
        assertTrue(reply.json().getString("type").endsWith("/audit-checkpoint-signature-invalid"), reply::toString);
        assertTrue(reply.json().getString("detail").contains("signature"), reply::toString);
        assertEquals("FAILED", verificationRecord(changed).get("outcome"));
    }

    @Test
    void aBodyOutOfBoundsIsRefusedAndOnlyAdminsMayVerify() throws Exception {
        Checkpoint checkpoint = checkpointOfTheHeadAfter(1);
        var bad = api.post("api/v1/audit/verification", Api.ADMIN, json(checkpoint).replace(checkpoint.headHash(), "zz"));
        assertEquals(400, bad.status(), bad::toString);
        assertTrue(bad.text().contains("headHash"), bad::toString);
        assertEquals(403, api.post("api/v1/audit/verification", Api.AGENT1, json(checkpoint)).status());
        assertEquals(403, api.post("api/v1/audit/verification", Api.BOT, json(checkpoint)).status());
    }

    @Test
    void anEmptiedAuditTableVerifiesOnItsOwnButNotAgainstTheLastCheckpoint() throws Exception {
        Checkpoint checkpoint = checkpointOfTheHeadAfter(2);
        Saved saved = save();
        try {
            db.update("DELETE FROM audit_event");
            db.update("UPDATE audit_chain_head SET last_seq = 0, last_hash = 'genesis'");
            var alone = api.get("api/v1/audit/verification", Api.ADMIN);
            assertTrue(alone.json().getBoolean("valid"), "the chain alone cannot see an emptied table: " + alone.text());
            var reply = api.post("api/v1/audit/verification", Api.ADMIN, json(checkpoint));
            assertEquals(409, reply.status(), reply::toString);
            JsonObject problem = reply.json();
            assertTrue(problem.getString("type").endsWith("/audit-checkpoint-not-extended"), reply::toString);
            assertEquals("The chain in the database holds 0 entries, but the checkpoint vouches for " + checkpoint.seq()
                    + ": entries were deleted (the table emptied or cut back).", problem.getString("detail"));
            assertEquals(0, problem.getJsonNumber("headSeq").longValue());
            assertEquals("FAILED", verificationRecord(checkpoint).get("outcome"));
        } finally {
            restore(saved);
        }
        assertTrue(linker.verify().valid(), "the table is back as it was");
    }

    @Test
    void aTableRewrittenIntoANewValidChainFailsAgainstTheLastCheckpoint() throws Exception {
        Checkpoint checkpoint = checkpointOfTheHeadAfter(2);
        record(2);
        linker.linkAll();
        Saved saved = save();
        try {
            // someone holding the audit key removes one event and has the whole table chained anew
            db.update("DELETE FROM audit_event WHERE chain_seq = ?", checkpoint.seq() - 1);
            db.update("UPDATE audit_event SET chain_seq = NULL, prev_hash = NULL, hash = NULL, key_version = NULL");
            db.update("UPDATE audit_chain_head SET last_seq = 0, last_hash = 'genesis'");
            linker.linkAll();
            var alone = api.get("api/v1/audit/verification", Api.ADMIN);
            assertTrue(alone.json().getBoolean("valid"), "the rewritten chain is valid on its own: " + alone.text());
            var reply = api.post("api/v1/audit/verification", Api.ADMIN, json(checkpoint));
            assertEquals(409, reply.status(), reply::toString);
            assertTrue(reply.json().getString("type").endsWith("/audit-checkpoint-not-extended"), reply::toString);
            assertEquals("The entry at position " + checkpoint.seq() + " is not the one the checkpoint vouches for: the chain"
                    + " was rewritten from there or before.", reply.json().getString("detail"));
            assertEquals("FAILED", verificationRecord(checkpoint).get("outcome"));
        } finally {
            restore(saved);
        }
        assertTrue(linker.verify().valid(), "the table is back as it was");
    }

    private Checkpoint checkpointOfTheHeadAfter(int events) throws Exception {
        record(events);
        linker.linkAll();
        Map<String, Object> head = db.rows("SELECT e.chain_seq, e.hash, e.key_version FROM audit_event e, audit_chain_head h"
                + " WHERE e.chain_seq = h.last_seq").get(0);
        return signer.sign(((Number) head.get("chain_seq")).longValue(), ((Number) head.get("key_version")).intValue(),
                (String) head.get("hash"), Instant.now());
    }

    private void record(int events) {
        String subject = "checkpoint-" + UUID.randomUUID();
        for (int i = 0; i < events; i++) {
            trail.record(AuditEntry.of("test.checkpoint", Outcome.DONE).subject(subject).detail("n=" + i));
        }
    }

    /** The audit's record of the latest verification of this checkpoint. */
    private Map<String, Object> verificationRecord(Checkpoint checkpoint) throws Exception {
        List<Map<String, Object>> rows = db.rows("SELECT outcome, detail FROM audit_event WHERE action = ? AND detail LIKE ?"
                + " ORDER BY id DESC", "audit.checkpoint-verification", "checkpoint at " + checkpoint.seq() + "%");
        assertTrue(!rows.isEmpty(), "the verification of checkpoint " + checkpoint.seq() + " is audited");
        return rows.get(0);
    }

    static String json(Checkpoint c) {
        return Json.createObjectBuilder().add("type", "checkpoint").add("format", c.format()).add("seq", c.seq())
                .add("keyVersion", c.keyVersion()).add("headHash", c.headHash()).add("at", c.at())
                .add("signingKeyVersion", c.signingKeyVersion()).add("signature", c.signature()).build().toString();
    }

    record Saved(List<Map<String, Object>> rows, Map<String, Object> head) {
    }

    private Saved save() throws Exception {
        return new Saved(db.rows("SELECT * FROM audit_event WHERE chain_seq IS NOT NULL ORDER BY chain_seq"),
                db.rows("SELECT last_seq, last_hash FROM audit_chain_head").get(0));
    }

    /** Every linked row as it was, the head too; events recorded meanwhile stay, unlinked, and link after. */
    private void restore(Saved saved) throws Exception {
        db.update("DELETE FROM audit_event WHERE chain_seq IS NOT NULL");
        for (Map<String, Object> row : saved.rows()) {
            db.update("DELETE FROM audit_event WHERE id = ?", row.get("id"));
            db.update("INSERT INTO audit_event (id, occurred_at, actor, actor_role, action, purpose, subject_ref, field, outcome,"
                            + " detail, chain_seq, prev_hash, hash, key_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    row.get("id"), row.get("occurred_at"), row.get("actor"), row.get("actor_role"), row.get("action"),
                    row.get("purpose"), row.get("subject_ref"), row.get("field"), row.get("outcome"), row.get("detail"),
                    row.get("chain_seq"), row.get("prev_hash"), row.get("hash"), row.get("key_version"));
        }
        db.update("UPDATE audit_chain_head SET last_seq = ?, last_hash = ?", saved.head().get("last_seq"), saved.head().get("last_hash"));
        linker.linkAll();
    }
}
