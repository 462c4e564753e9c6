package org.consentry.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.consentry.audit.boundary.ChainLinker;
import org.consentry.audit.entity.Outcome;
import org.consentry.crmsync.control.CrmTokens;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Security review finding 8, "Rotatable audit key": an operator adds {@code <prefix>-audit-<n+1>} to the
 * keystore with keytool, as the operator guide shows, while the server runs. New links are made with it
 * and say so; the links made before still verify with their own key; tampering with them is still found;
 * subject references and CRM tokens do not change, since they come from the pseudonym key, not the chain's.
 */
@ExtendWith(ArquillianExtension.class)
@Proves(Duty.GDPR_32)
class AuditKeyRotationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.component("audit-key-rotation-it", "consentry.audit.link-interval=PT1H", "audit", "crmsync");
    }

    @Inject
    AuditTrail trail;

    @Inject
    ChainLinker linker;

    @Inject
    SubjectRefs refs;

    @Inject
    CrmTokens tokens;

    @Resource(lookup = "java:comp/UserTransaction")
    UserTransaction tx;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    Db db;
    String subject;

    @BeforeEach
    void setUp() {
        db = new Db(dataSource);
        subject = "rotation-" + UUID.randomUUID();
    }

    @Test
    void aNewAuditKeyContinuesTheChainAndOldLinksStillVerify() throws Exception {
        String refBefore = refs.of(subject);
        String tokenBefore = token();
        List<Map<String, Object>> before = recordAndLink("before");
        int oldVersion = version(before.get(0));

        int added = newestAuditKeyInKeystore() + 1;
        keytool("-genseckey", "-alias", prefix() + "-audit-" + added, "-keyalg", "HmacSHA256", "-keysize", "256");

        List<Map<String, Object>> after = recordAndLink("after");
        for (var row : after) {
            assertEquals(added, version(row), "a link made after the rotation carries the new key's version");
        }
        for (var row : before) {
            assertEquals(oldVersion, version(row), "a link keeps the version it was made with");
        }
        assertTrue(oldVersion < added);
        var verification = linker.verify();
        assertTrue(verification.valid(), verification::toString);

        assertEquals(refBefore, refs.of(subject), "a subject reference survives the rotation");
        assertEquals(6, db.rows("SELECT id FROM audit_event WHERE subject_ref = ?", refBefore).size(),
                "the subject's events before and after are found under one reference");
        assertEquals(tokenBefore, token(), "a CRM token survives the rotation");

        Map<String, Object> old = before.get(1);
        try {
            db.update("UPDATE audit_event SET detail = 'nothing happened' WHERE id = ?", old.get("id"));
            var broken = linker.verify();
            assertFalse(broken.valid(), "tampering with a link of the old key is still found");
            assertEquals(((Number) old.get("chain_seq")).longValue(), broken.brokenAt());
            assertTrue(broken.problem().contains("content"), broken.problem());
        } finally {
            db.update("UPDATE audit_event SET detail = ? WHERE id = ?", old.get("detail"), old.get("id"));
        }
        assertTrue(linker.verify().valid());
    }

    @Test
    void aLinkWhoseKeyIsNotInTheKeystoreIsAFindingNotAnError() throws Exception {
        Map<String, Object> row = recordAndLink("missing-key").get(0);
        try {
            db.update("UPDATE audit_event SET key_version = 999999 WHERE id = ?", row.get("id"));
            var broken = linker.verify();
            assertFalse(broken.valid(), "fails closed");
            assertEquals(((Number) row.get("chain_seq")).longValue(), broken.brokenAt());
            assertEquals(((Number) row.get("id")).longValue(), broken.brokenEventId());
            assertTrue(broken.problem().contains("999999"), broken.problem());
        } finally {
            db.update("UPDATE audit_event SET key_version = ? WHERE id = ?", row.get("key_version"), row.get("id"));
        }
        assertTrue(linker.verify().valid());
    }

    private List<Map<String, Object>> recordAndLink(String phase) throws Exception {
        for (int i = 0; i < 3; i++) {
            trail.record(new AuditEntry("test.rotation", null, subject, null, Outcome.DONE, phase + " " + i));
        }
        linker.linkAll();
        var rows = db.rows("SELECT id, chain_seq, prev_hash, hash, detail, key_version FROM audit_event"
                + " WHERE subject_ref = ? AND detail LIKE ? ORDER BY chain_seq", refs.of(subject), phase + " %");
        assertEquals(3, rows.size());
        return rows;
    }

    private static int version(Map<String, Object> row) {
        return ((Number) row.get("key_version")).intValue();
    }

    private String token() throws Exception {
        tx.begin();
        try {
            return tokens.token(subject, "email", "rotation@example.org");
        } finally {
            tx.commit();
        }
    }

    private static Config config() {
        return ConfigProvider.getConfig(AuditKeyRotationIT.class.getClassLoader());
    }

    private static String prefix() {
        return config().getOptionalValue("consentry.kek.alias-prefix", String.class).orElse("consentry");
    }

    private static Path keystore() {
        return Path.of(config().getValue("consentry.kek.keystore", String.class));
    }

    /** The configured password, or the development keystore's password file beside it. */
    private static String password() throws Exception {
        var configured = config().getOptionalValue("consentry.kek.password", String.class);
        return configured.isPresent() ? configured.get()
                : Files.readString(Path.of(keystore() + ".password"), StandardCharsets.UTF_8).strip();
    }

    private static int newestAuditKeyInKeystore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore())) {
            store.load(in, password().toCharArray());
        }
        String audit = prefix().toLowerCase(Locale.ROOT) + "-audit-";
        return Collections.list(store.aliases()).stream().map(a -> a.toLowerCase(Locale.ROOT))
                .filter(a -> a.startsWith(audit)).mapToInt(a -> Integer.parseInt(a.substring(audit.length())))
                .max().orElseThrow();
    }

    /** The operator's tool, as the operator guide runs it. */
    private static void keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-storetype", "PKCS12", "-keystore", keystore().toString(), "-storepass:env", "AUDIT_IT_STOREPASS"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AUDIT_IT_STOREPASS", password());
        Process keytool = builder.start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, keytool.exitValue(), output);
    }
}
