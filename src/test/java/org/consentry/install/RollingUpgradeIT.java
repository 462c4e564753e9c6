package org.consentry.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A rolling upgrade (docs/operator-guide.md, "Rolling upgrades"): the previous release's WAR, built from
 * its commit, runs on this release's schema: it stays ready, takes handoffs, and what each release wrote
 * the other reads. Readiness of this release follows the policy in schema_release: ready on a schema one
 * release ahead that only expanded, not on one that contracted what this release still uses.
 * PostgreSQL only (the production database; the test reaches its tables over JDBC): the PostgreSQL stage
 * of .ci/run.
 */
@EnabledIfSystemProperty(named = "consentry.db", matches = "postgres", disabledReason = "rolling upgrades are"
        + " run on PostgreSQL: this test runs with -Dconsentry.db=postgres (the PostgreSQL stage of .ci/run)")
@EnabledIf(value = "org.consentry.install.PreviousRelease#buildable", disabledReason = "the previous release cannot be"
        + " built from this checkout (no git history with its commit): see the test's output")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RollingUpgradeIT {

    static final String CURRENT = "current";
    static final String PREVIOUS = "previous";
    static final Api API = new Api(url("http://localhost:" + System.getProperty("it.http.port", "19080") + "/"));

    @Deployment(name = CURRENT, managed = false, testable = false)
    static WebArchive current() {
        return Deployments.application();
    }

    @Deployment(name = PREVIOUS, managed = false, testable = false)
    static WebArchive previous() {
        return ShrinkWrap.create(ZipImporter.class, "consentry-previous.war").importFrom(PreviousRelease.war().toFile())
                .as(WebArchive.class);
    }

    @ArquillianResource
    Deployer deployer;

    private String deployed;

    @AfterEach
    void undeploy() throws Exception {
        db().update("DELETE FROM schema_release WHERE release_version = '9.9'");
        if (deployed != null) {
            deployer.undeploy(deployed);
        }
    }

    @Test
    void thePreviousReleaseRunsOnThisReleasesSchemaAndBothReadWhatTheOtherWrote() throws Exception {
        switchTo(CURRENT);
        JsonObject database = readiness("UP");
        assertEquals("0.2", data(database, "release"));
        String schema = data(database, "schemaVersion");
        String newer = new Handoff().withConsent().handOff(API);

        switchTo(PREVIOUS);
        readiness("UP");
        String older = new Handoff().withConsent().handOff(API);
        agentReads(newer, Handoff.NAME);
        agentReads(older, Handoff.NAME);
        assertEquals(schema, latestMigration(), "the previous release changed nothing of the schema");

        switchTo(CURRENT);
        readiness("UP");
        agentReads(older, Handoff.NAME);
        List<Map<String, Object>> claimed = db().rows("SELECT id FROM escalation WHERE id IN (?, ?) AND status = 'ASSIGNED' AND agent = 'agent1'",
                newer, older);
        assertEquals(2, claimed.size(), () -> "both claimed across the releases: " + claimed);
    }

    @Test
    void readinessServesASchemaOneReleaseAheadOnlyWhileItStillServesThisRelease() throws Exception {
        switchTo(CURRENT);
        readiness("UP");
        db().update("INSERT INTO schema_release (release_version, first_migration, oldest_code) VALUES ('9.9', 9999, '0.2')");
        JsonObject ahead = readiness("UP");
        assertEquals("9.9", data(ahead, "schemaRelease"));
        assertEquals("0.2", data(ahead, "oldestServedRelease"));

        db().update("UPDATE schema_release SET oldest_code = '9.9' WHERE release_version = '9.9'");
        JsonObject contracted = readiness("DOWN");
        assertEquals("9.9", data(contracted, "oldestServedRelease"));
        assertEquals("0.2", data(contracted, "release"));

        db().update("DELETE FROM schema_release WHERE release_version = '9.9'");
        readiness("UP");
    }

    private void switchTo(String name) {
        if (deployed != null) {
            deployer.undeploy(deployed);
            deployed = null;
        }
        deployer.deploy(name);
        deployed = name;
    }

    /** The database check of /health/ready, once the whole answer has the expected status. */
    private static JsonObject readiness(String status) throws Exception {
        JsonObject[] check = new JsonObject[1];
        Eventually.until("readiness " + status, Duration.ofSeconds(30), () -> {
            Api.Reply ready = API.get("health/ready", Api.ANONYMOUS);
            if (!ready.text().startsWith("{")) {
                return false;
            }
            check[0] = ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .filter(c -> "database".equals(c.getString("name"))).findFirst().orElse(null);
            return check[0] != null && status.equals(ready.json().getString("status"))
                    && status.equals(check[0].getString("status"));
        });
        return check[0];
    }

    private static void agentReads(String escalation, String name) {
        Api.Reply claim = API.post("api/v1/escalations/" + escalation + "/claim", Api.AGENT1, "");
        assertTrue(claim.status() == 200 || claim.status() == 409, claim::toString);
        Api.Reply view = API.get("api/v1/escalations/" + escalation, Api.AGENT1);
        assertEquals(200, view.status(), view::toString);
        assertTrue(view.text().contains(escalation), view::toString);
        assertFalse(view.text().contains(name), "the agent's view stays masked: " + view);
    }

    private static String data(JsonObject check, String key) {
        return check.getJsonObject("data").getString(key);
    }

    private static String latestMigration() throws Exception {
        return String.valueOf(db().rows("SELECT version FROM flyway_schema_history WHERE success = TRUE AND version IS NOT NULL"
                + " ORDER BY installed_rank DESC LIMIT 1").get(0).get("version"));
    }

    static Db db() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setDatabaseName(System.getenv().getOrDefault("DB_NAME", "consentry"));
        ds.setUser("consentry");
        ds.setPassword("consentry-dev");
        return new Db(ds);
    }

    private static URL url(String spec) {
        try {
            return new URL(spec);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
