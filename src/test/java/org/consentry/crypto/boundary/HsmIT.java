package org.consentry.crypto.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.consentry.crypto.control.pkcs11.SoftHsm;
import org.consentry.testing.Api;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.Handoff;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The KEK life cycle with the keys in a PKCS#11 token (SoftHSM2, made by scripts/ci/softhsm-token.sh):
 * seal, rotate, re-wrap, retire (the old version destroyed in the token), restart (the application
 * deployed again finds its versions in the token), shred; every key object sensitive and never extractable
 * as pkcs11-tool lists it from outside the server, and no keystore file anywhere in the server. Runs in a
 * server of its own (pom.xml, it.excludes; .ci/run): mvn verify -Dit.test=HsmIT -Dit.server=consentryHsmIT.
 */
@EnabledIf(value = "org.consentry.testing.Prerequisites#softHsm", disabledReason = "SoftHSM2 is not installed (apt-get install softhsm2 opensc); under CI=true this test runs")
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Proves(Duty.GDPR_32)
class HsmIT {

    static final String APP = "hsm";
    static final SoftHsm HSM = new SoftHsm();

    @Deployment(name = APP, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.kek.custody=pkcs11
                consentry.kek.pkcs11.library=%s
                consentry.kek.pkcs11.slot=%s
                consentry.kek.pkcs11.pin-file=%s
                consentry.kek.pkcs11.generate-initial=true
                consentry.retention.sweep.every=PT0S
                consentry.erasure.poll=PT0.5S
                """.formatted(HSM.get("library"), HSM.get("slot"), HSM.get("pin-file")));
    }

    static final String WRONG_PIN = "hsm-wrong-pin";

    /**
     * The other token, with a PIN that is not its own: no login to it ever succeeds in this server. Put into
     * the server's dropins folder directly: Arquillian would wait its whole deployment timeout for an
     * application that never starts.
     */
    static WebArchive wrongPin() {
        return org.jboss.shrinkwrap.api.ShrinkWrap.create(WebArchive.class, WRONG_PIN + ".war").merge(Deployments.application("""
                config_ordinal=700
                consentry.kek.custody=pkcs11
                consentry.kek.pkcs11.library=%s
                consentry.kek.pkcs11.slot=%s
                consentry.kek.pkcs11.pin-file=%s
                """.formatted(HSM.get("library"), HSM.get("other-slot"), HSM.get("wrong-pin-file"))));
    }

    @ArquillianResource
    Deployer deployer;

    boolean deployed;

    @AfterEach
    void tearDown() throws Exception {
        if (deployed) {
            deployer.undeploy(APP);
        }
        Files.deleteIfExists(server().resolve("dropins/" + WRONG_PIN + ".war"));
    }

    @Test
    void aWrongPinKeepsTheApplicationFromStartingAndTheLogSaysWhyWithoutThePin() throws Exception {
        Path log = server().resolve("logs/messages.log");
        long before = Files.exists(log) ? Files.size(log) : 0;
        wrongPin().as(org.jboss.shrinkwrap.api.exporter.ZipExporter.class)
                .exportTo(server().resolve("dropins/" + WRONG_PIN + ".war").toFile(), true);
        Api api = new Api(new URL("http://localhost:" + System.getProperty("it.http.port", "19080") + "/"));
        String wrong = Files.readString(Path.of(HSM.get("wrong-pin-file"))).strip();
        Eventually.until("the refusal is logged", Duration.ofSeconds(90), () -> logSince(log, before)
                .contains("Consentry does not start: Login to the PKCS#11 token in slot " + HSM.get("other-slot")));
        var ready = api.get("health/ready", Api.ANONYMOUS);
        assertFalse(ready.status() == 200 && ready.text().contains("kek-keystore"),
                () -> "Consentry's readiness never answers UP without its token: " + ready);
        String logged = logSince(log, before);
        assertTrue(logged.contains("refused: CKR_PIN_INCORRECT"), logged);
        assertFalse(logged.contains(wrong), "the PIN is never logged");
    }

    private static String logSince(Path log, long offset) throws java.io.IOException {
        byte[] all = Files.readAllBytes(log);
        return new String(all, (int) Math.min(offset, all.length), all.length - (int) Math.min(offset, all.length),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Path server() {
        return Path.of("target/liberty/wlp/usr/servers", System.getProperty("it.server", "consentryIT"));
    }

    @Test
    void sealRotateRewrapRetireRestartAndShredAllThroughTheToken() throws Exception {
        deployer.deploy(APP);
        deployed = true;
        Api api = new Api(new URL("http://localhost:" + System.getProperty("it.http.port", "19080") + "/"));
        assertReady(api);

        Handoff handoff = new Handoff().withConsent();
        String escalation = handoff.handOff(api);
        assertEquals(200, api.post("api/v1/escalations/" + escalation + "/claim", Api.AGENT1, "").status());
        assertReveals(api, escalation);

        JsonObject rotation = api.post("api/v1/keys/rotation", Api.ADMIN, "").json();
        int old = rotation.getInt("fromVersion");
        int newer = rotation.getInt("toVersion");
        String id = rotation.getString("id");
        Eventually.until("the rotation re-wraps every data key in the token", Duration.ofSeconds(30),
                () -> "DONE".equals(api.get("api/v1/keys/rotation/" + id, Api.ADMIN).json().getString("status")));
        String listing = HSM.listSecretKeys(HSM.get("slot"));
        assertKeptInTheToken(listing, "consentry-kek-" + old);
        assertKeptInTheToken(listing, "consentry-kek-" + newer);

        var retired = api.post("api/v1/keys/versions/" + old + "/retirement", Api.ADMIN, "");
        assertEquals(200, retired.status(), retired::toString);
        Eventually.until("the retired version is destroyed in the token", Duration.ofSeconds(10),
                () -> SoftHsm.object(HSM.listSecretKeys(HSM.get("slot")), "consentry-kek-" + old).isEmpty());

        deployer.undeploy(APP);
        deployer.deploy(APP);
        assertReady(api);
        JsonObject versions = api.get("api/v1/keys/usage", Api.ADMIN).json();
        assertTrue(versions.getJsonArray("kekVersions").getValuesAs(JsonObject.class).stream()
                .anyMatch(v -> v.getInt("version") == newer && v.getBoolean("primary")), versions::toString);
        assertReveals(api, escalation);
        var export = api.get("api/v1/subjects/" + handoff.subjectId + "/export", Api.ADMIN);
        assertTrue(export.text().contains(Handoff.EMAIL) && export.text().contains(Handoff.NAME),
                "the restarted application opens the fields through the token");

        listing = HSM.listSecretKeys(HSM.get("slot"));
        for (String label : List.of("consentry-kek-" + newer, "consentry-audit-1", "consentry-pseudonym-1")) {
            assertKeptInTheToken(listing, label);
        }
        assertFalse(listing.contains("label:      consentry-kek-" + old + "\n"), listing);

        Api.Reply erasure = api.delete("api/v1/subjects/" + handoff.subjectId, Api.ADMIN);
        assertEquals(202, erasure.status(), erasure::toString);
        String request = "api/v1/erasures/" + erasure.json().getString("requestId");
        Eventually.until("the subject's data key is shredded", Duration.ofSeconds(30),
                () -> List.of("COMPLETED", "AWAITING_CRM").contains(api.get(request, Api.ADMIN).json().getString("status")));
        var after = api.get("api/v1/subjects/" + handoff.subjectId + "/export", Api.ADMIN);
        assertFalse(after.text().contains(Handoff.EMAIL), after::toString);

        try (Stream<Path> files = Files.walk(server())) {
            List<Path> keystores = files.filter(f -> f.toString().endsWith(".p12") && f.toString().contains("kek")).toList();
            assertEquals(List.of(), keystores, "no KEK keystore file: the KEKs live in the token only");
        }
    }

    private static void assertReady(Api api) throws Exception {
        Eventually.until("the server is ready with the token", Duration.ofSeconds(30),
                () -> api.get("health/ready", Api.ANONYMOUS).status() == 200);
        JsonObject health = api.get("health/ready", Api.ANONYMOUS).json();
        JsonObject kek = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("kek-keystore")).findFirst().orElseThrow();
        assertEquals("UP", kek.getString("status"), health::toString);
    }

    private static void assertReveals(Api api, String escalation) throws Exception {
        var revealed = api.post("api/v1/escalations/" + escalation + "/reveal", Api.AGENT1,
                "{\"field\":\"customer.phone\",\"reason\":\"HSM drill: call back the customer\"}");
        assertEquals(Handoff.PHONE, revealed.json().getString("value"), revealed::toString);
    }

    private static void assertKeptInTheToken(String listing, String label) {
        String object = SoftHsm.object(listing, label);
        assertTrue(object.contains("sensitive, always sensitive, never extractable"),
                () -> label + " as pkcs11-tool lists it:\n" + object + "\nin\n" + listing);
    }
}
