package org.consentry.crypto.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** KEK rotation over HTTP: the admin starts it, follows its progress, and sees the new primary version. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Proves(Duty.GDPR_32)
class KeysApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    @Test
    void aRotationPromotesTheNextVersionAndReportsProgress() throws Exception {
        Api api = new Api(base);
        int before = api.get("api/v1/keys", Api.ADMIN).json().getInt("primaryVersion");

        var started = api.post("api/v1/keys/rotation", Api.ADMIN, "");
        assertEquals(202, started.status(), started::toString);
        JsonObject rotation = started.json();
        assertEquals(before, rotation.getInt("fromVersion"));
        assertEquals(before + 1, rotation.getInt("toVersion"));
        assertEquals("admin", rotation.getString("startedBy"));
        String location = started.header("Location");
        assertTrue(location.endsWith("/api/v1/keys/rotation/" + rotation.getString("id")), location);

        JsonObject progress = rotation;
        for (int i = 0; i < 50 && !progress.getString("status").equals("DONE"); i++) {
            Thread.sleep(100);
            progress = api.get("api/v1/keys/rotation/" + rotation.getString("id"), Api.ADMIN).json();
        }
        assertEquals("DONE", progress.getString("status"));
        assertEquals(progress.getJsonNumber("total").longValue(), progress.getJsonNumber("rewrapped").longValue());

        JsonObject keys = api.get("api/v1/keys", Api.ADMIN).json();
        assertEquals(before + 1, keys.getInt("primaryVersion"));
        assertTrue(keys.getBoolean("developmentKeys"));
        assertTrue(keys.getJsonArray("keystoreVersions").toString().contains(String.valueOf(before + 1)));
        assertTrue(keys.getJsonObject("dataKeysByKekVersion").keySet().stream().allMatch(v -> Integer.parseInt(v) == before + 1),
                "every data key is wrapped by the new version: " + keys);
    }

    @Test
    void onlyAdminsRotate() {
        Api api = new Api(base);
        assertEquals(403, api.post("api/v1/keys/rotation", Api.AGENT1, "").problem().getInt("status"));
        assertEquals(403, api.post("api/v1/keys/rotation", Api.BOT, "").problem().getInt("status"));
        assertEquals(403, api.get("api/v1/keys", Api.BOT).problem().getInt("status"));
        assertEquals(404, api.get("api/v1/keys/rotation/00000000-0000-0000-0000-000000000000", Api.ADMIN).problem().getInt("status"));
    }
}
