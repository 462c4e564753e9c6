package org.consentry.escalation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
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
 * The canary: a known name, e-mail, phone, card number and PESEL go through the handoff and the whole
 * agent flow. Afterwards none of them is anywhere in the database in clear (every value of every
 * table), in any log file of the server, or in any response, except the one reveal that asked for it.
 * Runs inside the server, calling its own HTTP API, to read the database and the logs directly.
 */
@ExtendWith(ArquillianExtension.class)
class HandoffCanaryIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationWithHelpers();
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Test
    @Proves({Duty.GDPR_25, Duty.GDPR_32})
    void knownPersonalDataAppearsNowhereButInItsReveal() throws Exception {
        Api api = new Api(base);
        List<Api.Reply> responses = new ArrayList<>();
        Handoff handoff = new Handoff().withConsent();
        Api.Reply created = api.post("api/v1/escalations", Api.BOT, handoff.json());
        assertEquals(201, created.status(), created::toString);
        responses.add(created);
        String id = created.json().getString("id");
        responses.add(api.get("api/v1/escalations", Api.AGENT1));
        responses.add(api.post("api/v1/escalations/" + id + "/claim", Api.AGENT1, ""));
        Api.Reply view = api.get("api/v1/escalations/" + id, Api.AGENT1);
        responses.add(view);
        responses.add(api.post("api/v1/escalations/" + id + "/messages", Api.BOT,
                "{\"text\":\"Mój drugi numer to " + Handoff.PHONE + ", PESEL " + Handoff.PESEL + "\"}"));
        responses.add(api.get("api/v1/escalations/" + id, Api.AGENT1));
        responses.add(api.get("api/v1/audit?subjectId=" + handoff.subjectId + "&limit=100", Api.ADMIN));

        JsonObject firstLine = view.json().getJsonArray("transcript").getJsonObject(0);
        String peselToken = firstLine.getJsonArray("masks").getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("type").equals("PESEL")).findFirst().orElseThrow().getString("field");
        Api.Reply revealed = api.post("api/v1/escalations/" + id + "/reveal", Api.AGENT1,
                "{\"field\":\"" + peselToken + "\",\"reason\":\"verifying identity for the refund\"}");
        assertEquals(Handoff.PESEL, revealed.json().getString("value"), "the reveal answers the value");
        responses.add(api.post("api/v1/escalations/" + id + "/resolve", Api.AGENT1, ""));
        responses.add(api.get("api/v1/escalations/" + id, Api.ADMIN));

        for (Api.Reply response : responses) {
            for (String secret : Handoff.secrets()) {
                assertFalse(response.text().contains(secret), "a response other than the reveal holds personal data: "
                        + response.status());
            }
        }
        Db db = new Db(dataSource);
        for (String value : db.everyValueOfEveryTable()) {
            for (String secret : Handoff.secrets()) {
                assertFalse(value.contains(secret), "personal data in clear in the database");
            }
        }
        assertTrue(db.rows("SELECT id FROM pii_token WHERE escalation_id = ?", id).size() >= 3,
                "the identifiers were kept as tokens");
        Path logs = Path.of(System.getenv("WLP_OUTPUT_DIR"), System.getProperty("wlp.server.name", "consentryIT"), "logs");
        try (var files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                for (String secret : Handoff.secrets()) {
                    assertFalse(text.contains(secret), "personal data in the log " + file.getFileName());
                }
            }
        }
    }
}
