package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Health an operator runs on: started once migrated, live while the outbox worker polls, ready while the
 * database answers and the key-encryption keystore opens, with the outbox backlog and late erasures as data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    /** The test server's development keystore (server.xml: consentry.kek.keystore). */
    private static final Path KEYSTORE = Path.of("target/liberty/wlp/usr/servers",
            System.getProperty("it.server", "consentryIT"), "resources/security/consentry-dev-kek.p12");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    @Proves(Duty.GDPR_32)
    void readinessCoversTheKeystoreAndTheDatabaseAndReportsTheBacklog() {
        var reply = new Api(base).get("health/ready", Api.ANONYMOUS);
        assertEquals(200, reply.status(), reply::toString);
        JsonObject health = reply.json();
        assertEquals("UP", health.getString("status"));
        JsonObject keystore = check(health, "kek-keystore");
        assertEquals("UP", keystore.getString("status"));
        assertTrue(keystore.getJsonObject("data").getInt("kekVersion") >= 1, keystore::toString);
        assertEquals("UP", check(health, "database").getString("status"));
        JsonObject outbox = check(health, "outbox").getJsonObject("data");
        for (String key : new String[] {"pending", "failed", "oldestPendingSeconds"}) {
            assertTrue(outbox.getJsonNumber(key).longValue() >= 0, outbox::toString);
        }
        JsonObject erasures = check(health, "erasures").getJsonObject("data");
        assertTrue(erasures.getJsonNumber("open").longValue() >= 0, erasures::toString);
        assertTrue(erasures.getJsonNumber("pastDeadline").longValue() >= 0, erasures::toString);
    }

    @Test
    void livenessAndStartupHaveChecksOfTheirOwn() {
        var live = new Api(base).get("health/live", Api.ANONYMOUS);
        assertEquals(200, live.status(), live::toString);
        assertEquals("UP", check(live.json(), "outbox-worker").getString("status"));
        var started = new Api(base).get("health/started", Api.ANONYMOUS);
        assertEquals(200, started.status(), started::toString);
        JsonObject migration = check(started.json(), "schema-migration");
        assertEquals("UP", migration.getString("status"));
        assertTrue(migration.getJsonObject("data").getString("schemaVersion").matches("\\d+(\\.\\d+)*"), migration::toString);
    }

    @Test
    @Proves(Duty.GDPR_32)
    void readinessGoesDownWhileTheKeystoreCannotBeRead() throws Exception {
        assertTrue(Files.isRegularFile(KEYSTORE), "the test server's keystore is at " + KEYSTORE);
        Path aside = KEYSTORE.resolveSibling(KEYSTORE.getFileName() + ".aside");
        Files.move(KEYSTORE, aside, StandardCopyOption.ATOMIC_MOVE);
        try {
            Eventually.until("readiness down", Duration.ofSeconds(10),
                    () -> new Api(base).get("health/ready", Api.ANONYMOUS).status() == 503);
            var down = new Api(base).get("health/ready", Api.ANONYMOUS);
            assertEquals("DOWN", down.json().getString("status"));
            JsonObject keystore = check(down.json(), "kek-keystore");
            assertEquals("DOWN", keystore.getString("status"));
            String error = keystore.getJsonObject("data").getString("error");
            assertTrue(error.startsWith("keystore unreadable"), error);
            assertTrue(!error.contains("/") && !error.contains("p12"), "no path in an anonymous answer: " + error);
            assertEquals("UP", check(down.json(), "database").getString("status"), "only the keystore is named as failing");
            assertEquals(200, new Api(base).get("health/live", Api.ANONYMOUS).status(), "not live-failing: a restart would not help");
        } finally {
            Files.move(aside, KEYSTORE, StandardCopyOption.ATOMIC_MOVE);
        }
        Eventually.until("readiness up again", Duration.ofSeconds(10),
                () -> new Api(base).get("health/ready", Api.ANONYMOUS).status() == 200);
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> name.equals(c.getString("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }
}
