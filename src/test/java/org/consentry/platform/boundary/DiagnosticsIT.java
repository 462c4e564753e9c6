package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.annotation.Resource;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The load tests' calibration endpoints, switched on: the echo answers what it got, the insert stores one row. */
@ExtendWith(ArquillianExtension.class)
class DiagnosticsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.applicationWithHelpers("""
                config_ordinal=700
                consentry.diagnostics.enabled=true
                """);
    }

    @ArquillianResource
    URL base;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Test
    void theEchoAnswersWhatItWasSent() {
        Api.Reply reply = new Api(base).post("api/v1/diagnostics/echo", Api.BOT, "{\"text\":\"ping 1\"}");
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("ping 1", reply.json().getString("text"));
    }

    @Test
    void theInsertStoresOneRow() throws Exception {
        String text = "probe " + UUID.randomUUID();
        Api.Reply reply = new Api(base).post("api/v1/diagnostics/insert", Api.BOT, "{\"text\":\"" + text + "\"}");
        assertEquals(200, reply.status(), reply::toString);
        List<Map<String, Object>> rows = new Db(dataSource).rows("SELECT id, text FROM diagnostics_probe WHERE text = ?", text);
        assertEquals(1, rows.size());
        assertEquals(reply.json().getString("id"), rows.get(0).get("id"));
    }

    @Test
    void onlyTheBotAndAdminsCallThemWithValidBodies() throws Exception {
        Api api = new Api(base);
        // A marker of this run in every refused body: other tests (the fuzzer) store probes of their own
        String marker = "refused-" + UUID.randomUUID();
        String body = "{\"text\":\"" + marker + "\"}";
        assertEquals(401, api.post("api/v1/diagnostics/insert", Api.ANONYMOUS, body).status());
        Api.Reply agent = api.post("api/v1/diagnostics/insert", Api.AGENT1, body);
        assertEquals(403, agent.status(), agent::toString);
        String longText = marker + "x".repeat(201 - marker.length());
        Api.Reply tooLong = api.post("api/v1/diagnostics/insert", Api.BOT, "{\"text\":\"" + longText + "\"}");
        assertEquals(400, tooLong.status(), tooLong::toString);
        assertEquals(400, tooLong.problem().getInt("status"));
        Api.Reply control = api.post("api/v1/diagnostics/insert", Api.BOT, "{\"text\":\"" + marker + "\\u0000b\"}");
        assertEquals(400, control.status(), control::toString);
        assertEquals(400, control.problem().getInt("status"));
        // (PostgreSQL refuses a NUL even as a query parameter: every row starting with the marker is counted)
        assertEquals(0L, ((Number) new Db(dataSource).rows("SELECT COUNT(*) AS n FROM diagnostics_probe WHERE text LIKE ?",
                marker + "%").get(0).get("n")).longValue(), "nothing stored for a refused call");
    }
}
