package org.consentry.crypto.boundary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.Map;
import javax.sql.DataSource;
import org.consentry.crypto.control.SubjectKeys;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.Handoff;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The KEK rotation drill an operator runs (GDPR Art. 32): rotate, re-wrap every data key, retire the old
 * version; every value still opens, the encryptions are counted per key, and the retired version is
 * refused even when a restored backup brings back a data key it wraps.
 */
@ExtendWith(ArquillianExtension.class)
@Proves(Duty.GDPR_32)
class KekRotationDrillIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationWithHelpers();
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Inject
    SubjectKeys subjectKeys;

    @Inject
    KeyUsageFlush usageFlush;

    @Test
    void rotateRewrapRetireAndEveryValueStillOpensButNotUnderTheRetiredVersion() throws Exception {
        Api api = new Api(base);
        Db db = new Db(dataSource);
        Handoff handoff = new Handoff().withConsent();
        String id = handoff.handOff(api);
        Map<String, Object> before = db.rows("SELECT kek_version, wrapped FROM subject_key WHERE subject_id = ?", handoff.subjectId).get(0);
        int old = ((Number) before.get("kek_version")).intValue();
        byte[] oldWrapping = (byte[]) before.get("wrapped");

        // rotate, and wait for every data key to be re-wrapped
        JsonObject rotation = api.post("api/v1/keys/rotation", Api.ADMIN, "").json();
        int newer = rotation.getInt("toVersion");
        for (int i = 0; i < 100 && !rotation.getString("status").equals("DONE"); i++) {
            Thread.sleep(100);
            rotation = api.get("api/v1/keys/rotation/" + rotation.getString("id"), Api.ADMIN).json();
        }
        assertEquals("DONE", rotation.getString("status"), rotation::toString);
        assertEquals(0L, count(db, "SELECT COUNT(*) AS n FROM subject_key WHERE kek_version <> ?", newer), "all re-wrapped");

        // retire: not the primary, then the old version
        var primary = api.post("api/v1/keys/versions/" + newer + "/retirement", Api.ADMIN, "");
        assertEquals(409, primary.status(), primary::toString);
        assertTrue(primary.problem().getString("type").endsWith("kek-version-in-use"));
        var retired = api.post("api/v1/keys/versions/" + old + "/retirement", Api.ADMIN, "");
        assertEquals(200, retired.status(), retired::toString);
        assertEquals(old, retired.json().getInt("version"));
        assertNotNull(db.rows("SELECT retired_at FROM kek_version WHERE version = ?", old).get(0).get("retired_at"));
        assertEquals(retired.json().getString("retiredAt"),
                api.post("api/v1/keys/versions/" + old + "/retirement", Api.ADMIN, "").json().getString("retiredAt"), "idempotent");
        assertEquals(1L, count(db, "SELECT COUNT(*) AS n FROM audit_event WHERE action = 'key.retirement' AND detail = ?",
                "KEK version " + old + " retired"));

        // every value still opens, unwrapped afresh under the new version
        subjectKeys.forgetAll();
        var export = api.get("api/v1/subjects/" + handoff.subjectId + "/export", Api.ADMIN);
        assertEquals(200, export.status(), export::toString);
        assertTrue(export.text().contains(Handoff.EMAIL) && export.text().contains(Handoff.NAME), "the export opens the fields");
        assertEquals(200, api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, "").status());
        var revealed = api.post("api/v1/escalations/" + id + "/reveal", Api.AGENT1,
                "{\"field\":\"customer.phone\",\"reason\":\"rotation drill: call back the customer\"}");
        assertEquals(Handoff.PHONE, revealed.json().getString("value"), revealed::toString);

        // the encryptions are counted per key
        assertTrue(usageFlush.flush());
        JsonObject usage = api.get("api/v1/keys/usage", Api.ADMIN).json();
        JsonObject newVersion = version(usage, newer);
        JsonObject oldVersion = version(usage, old);
        assertTrue(newVersion.getBoolean("primary"));
        assertTrue(newVersion.getJsonNumber("encryptions").longValue() >= 1, usage::toString);
        assertEquals(0, oldVersion.getInt("dataKeys"));
        assertTrue(oldVersion.containsKey("retiredAt"), usage::toString);
        long sealed = count(db, "SELECT encryptions AS n FROM subject_key WHERE subject_id = ?", handoff.subjectId);
        assertTrue(sealed >= 3, "three customer fields at least, and the transcript: " + sealed);
        assertEquals(1L << 32, usage.getJsonNumber("limit").longValue());
        assertFalse(usage.getBoolean("rotationAdvised"));

        // a backup from before the rotation brings the old wrapping back: the retired version refuses it
        byte[] current = (byte[]) db.rows("SELECT wrapped FROM subject_key WHERE subject_id = ?", handoff.subjectId).get(0).get("wrapped");
        db.update("UPDATE subject_key SET kek_version = ?, wrapped = ? WHERE subject_id = ?", old, oldWrapping, handoff.subjectId);
        try {
            subjectKeys.forgetAll();
            var refused = api.get("api/v1/subjects/" + handoff.subjectId + "/export", Api.ADMIN);
            assertEquals(500, refused.status(), refused::toString);
            assertTrue(refused.problem().getString("type").endsWith("key-unavailable"), refused::toString);
            assertFalse(refused.text().contains(Handoff.EMAIL));
        } finally {
            db.update("UPDATE subject_key SET kek_version = ?, wrapped = ? WHERE subject_id = ?", newer, current, handoff.subjectId);
            subjectKeys.forgetAll();
        }
        assertArrayEquals(current, (byte[]) db.rows("SELECT wrapped FROM subject_key WHERE subject_id = ?", handoff.subjectId)
                .get(0).get("wrapped"));
    }

    private static JsonObject version(JsonObject usage, int version) {
        return usage.getJsonArray("kekVersions").getValuesAs(JsonObject.class).stream()
                .filter(v -> v.getInt("version") == version).findFirst().orElseThrow(() -> new AssertionError(usage.toString()));
    }

    private static long count(Db db, String sql, Object... parameters) throws Exception {
        return ((Number) db.rows(sql, parameters).get(0).get("n")).longValue();
    }
}
