package org.consentry.host.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.consentry.testing.Api;
import org.consentry.testing.Db;
import org.consentry.testing.Deployments;
import org.consentry.testing.Eventually;
import org.consentry.testing.SampleHost;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sealing in the host's own table (issue 26): the sample helpdesk's Ticket carries only the client jar's
 * annotations, and its rows hold the customer's name, e-mail and message as AES-256-GCM ciphertext under the
 * subject's key from Consentry, read back as plain values through the host's API. Runs inside Consentry's
 * deployment, reading the host's table with JDBC past both applications. An erasure in Consentry leaves
 * the host's rows unreadable without any action of the host.
 */
@ExtendWith(ArquillianExtension.class)
class HostSealingIT {

    static final String PORT = System.getProperty("it.http.port", "19080");

    @Deployment(name = "consentry", order = 1)
    static WebArchive consentry() {
        return Deployments.applicationWithHelpers("config_ordinal=700\nconsentry.erasure.poll=PT0.5S\n"
                + "consentry.outbox.give-up-after=PT3S\n" + SampleHost.consentrySide(PORT));
    }

    @Deployment(name = "helpdesk", order = 2, testable = false)
    static WebArchive helpdesk() throws IOException {
        return SampleHost.war(PORT, "consentry.client.key-ttl=PT2S\n");
    }

    @ArquillianResource
    @OperateOnDeployment("consentry")
    URL base;

    @Resource(lookup = "jdbc/consentry")
    DataSource dataSource;

    @Test
    @OperateOnDeployment("consentry")
    void theHostsPersonalFieldsAreCiphertextAtRestAndPlainInItsApiAndAReadRewritesNothing() throws Exception {
        Api host = host();
        String customer = "sealing-it-" + UUID.randomUUID();
        JsonObject opened = open(host, customer, "Anna Kowalska");
        assertEquals("Anna Kowalska", opened.getString("name"), "the host handles plain values: " + opened);
        assertEquals("anna.kowalska@example.com", opened.getString("email"));
        Map<String, Object> stored = row(opened.getString("id"));
        assertEquals(customer, stored.get("customer_id"), "the subject id is the host's key, in clear");
        for (String column : List.of("customer_name", "email", "message")) {
            String value = (String) stored.get(column);
            assertTrue(value.startsWith("csy1."), column + " is sealed at rest: " + value);
            // whole phrases: "600" alone turns up in base64url ciphertext about once in a thousand runs
            assertFalse(value.contains("Kowalska") || value.contains("600 100 200") || value.contains("example.com"),
                    column + " holds no clear text: " + value);
        }

        JsonObject read = host.get("api/tickets/" + opened.getString("id"), Api.ANONYMOUS).json();
        assertEquals("Anna Kowalska", read.getString("name"));
        assertEquals("Dzwonię w sprawie zamówienia, mój numer 600 100 200", read.getString("message"));
        assertEquals(stored, row(opened.getString("id")), "reading the ticket wrote nothing back");

        JsonObject release = audit(customer).stream().filter(e -> e.getString("action").equals("host.key-release")).findFirst()
                .orElseThrow(() -> new AssertionError("no host.key-release audited"));
        assertEquals("helpdesk", release.getString("actor"), "audited under the host's identity: " + release);
        assertEquals("helpdesk-tickets", release.getString("purpose"));
        assertEquals("ALLOWED", release.getString("outcome"));
        assertTrue(release.getString("detail").contains("helpdesk_ticket.customer_name, helpdesk_ticket.email, helpdesk_ticket.message"),
                release::toString);
    }

    @Test
    @OperateOnDeployment("consentry")
    void theHostsFieldsAreInTheRecordOfProcessingAndInABreachAssessmentOfTheKeys() throws Exception {
        open(host(), "sealing-it-" + UUID.randomUUID(), "Adam Mazur");
        Api consentry = new Api(base);
        List<JsonObject> storage = consentry.get("api/v1/records-of-processing", Api.ADMIN).json().getJsonArray("storage")
                .getValuesAs(JsonObject.class);
        JsonObject name = storage.stream().filter(p -> p.getString("table").equals("helpdesk_ticket")
                && p.getString("column").equals("customer_name")).findFirst()
                .orElseThrow(() -> new AssertionError("the host's field is not in the record: " + storage));
        assertEquals("contact", name.getString("category"));
        assertEquals("host helpdesk for helpdesk-tickets", name.getString("entity"));
        assertTrue(name.getBoolean("sealed"));
        assertTrue(storage.stream().anyMatch(p -> p.getString("table").equals("helpdesk_ticket") && p.getString("column").equals("message")
                && p.getString("category").equals("transcript")), "the message, of the category its annotation names");

        java.time.Instant now = java.time.Instant.now();
        Api.Reply assessed = consentry.post("api/v1/breach-assessments", Api.ADMIN, """
                {"from":"%s","to":"%s","compromised":[{"kind":"KEK_VERSION","version":1}]}"""
                .formatted(now.minus(Duration.ofMinutes(5)), now));
        assertEquals(200, assessed.status(), assessed::toString);
        List<JsonObject> copies = assessed.json().getJsonArray("hostCopies").getValuesAs(JsonObject.class);
        assertTrue(copies.stream().anyMatch(c -> c.getString("host").equals("helpdesk") && c.getString("table").equals("helpdesk_ticket")
                && c.getString("column").equals("email")), "a compromised KEK reaches the host's copies: " + copies);
        assertTrue(assessed.json().getJsonArray("reasoning").toString().contains("helpdesk: helpdesk_ticket.customer_name"));

        Api.Reply dump = consentry.post("api/v1/breach-assessments", Api.ADMIN, """
                {"from":"%s","to":"%s","compromised":[{"kind":"DATABASE_DUMP"}]}""".formatted(now.minus(Duration.ofMinutes(5)), now));
        assertEquals(0, dump.json().getJsonArray("hostCopies").size(), "a dump of Consentry's database alone opens no host copy");
    }

    @Test
    @OperateOnDeployment("consentry")
    void theHostsRowsAreStampedFromConsentrysPolicyAndSweptWhenDueExceptWhileTheirSubjectIsHeld() throws Exception {
        Api host = host();
        Api consentry = new Api(base);
        String free = "sealing-it-" + UUID.randomUUID();
        String held = "sealing-it-" + UUID.randomUUID();
        String gone = open(host, free, "Olga Kamińska").getString("id");
        String kept = open(host, held, "Tomasz Lewandowski").getString("id");
        Db db = new Db(dataSource);
        java.time.LocalDateTime stamped = ((java.sql.Timestamp) db.rows("SELECT retain_until FROM helpdesk_ticket WHERE id = ?", gone)
                .get(0).get("retain_until")).toLocalDateTime();
        java.time.LocalDateTime expected = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(90);
        assertTrue(Duration.between(stamped, expected).abs().compareTo(Duration.ofMinutes(5)) < 0,
                "stamped with the transcript category's P90D from collection: " + stamped);

        Api.Reply hold = consentry.post("api/v1/subjects/" + held + "/legal-hold", Api.ADMIN,
                "{\"reason\":\"claim pending at the district court\"}");
        assertEquals(201, hold.status(), hold::toString);
        db.update("UPDATE helpdesk_ticket SET retain_until = ? WHERE id IN (?, ?)",
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(1)), gone, kept);

        Eventually.until("the host's sweep deletes the due row", Duration.ofSeconds(30),
                () -> db.rows("SELECT id FROM helpdesk_ticket WHERE id = ?", gone).isEmpty());
        assertEquals(1, db.rows("SELECT id FROM helpdesk_ticket WHERE id = ?", kept).size(), "a held subject's due row stays");
        // the host commits its delete, then reports it: the row is gone a moment before the report is audited
        java.util.function.Supplier<java.util.Optional<JsonObject>> audited = () -> new Api(base).get("api/v1/audit?limit=500", Api.ADMIN)
                .structure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(e -> e.getString("action").equals("host.retention-sweep")
                        && e.getString("detail").contains("table helpdesk_ticket: 1 due rows deleted, 1 spared under a legal hold"))
                .findFirst();
        Eventually.until("the host's report of the sweep is audited", Duration.ofSeconds(30), () -> audited.get().isPresent());
        JsonObject sweep = audited.get().orElseThrow();
        assertEquals("helpdesk", sweep.getString("actor"), sweep::toString);

        assertEquals(200, consentry.delete("api/v1/subjects/" + held + "/legal-hold", Api.ADMIN).status());
        Eventually.until("released, the held row goes at the next sweep", Duration.ofSeconds(30),
                () -> db.rows("SELECT id FROM helpdesk_ticket WHERE id = ?", kept).isEmpty());
    }

    @Test
    @OperateOnDeployment("consentry")
    void anErasureTheHostCouldNotTakeWaitsFailedUntilAnAdminSendsItAgain() throws Exception {
        Api host = host();
        Api consentry = new Api(base);
        String customer = "sealing-it-" + UUID.randomUUID();
        open(host, customer, "Zofia Dąbrowska");
        assertEquals(200, crmStore(host, "down").status());
        try {
            Api.Reply accepted = consentry.delete("api/v1/subjects/" + customer, Api.ADMIN);
            assertEquals(202, accepted.status(), accepted::toString);
            String request = "api/v1/erasures/" + accepted.json().getString("requestId");
            Eventually.until("the host's notice fails past give-up-after (PT3S here)", Duration.ofSeconds(30),
                    () -> consentry.get(request, Api.ADMIN).text().contains("\"recipient\":\"host-helpdesk\",\"status\":\"FAILED\""));
            assertEquals("AWAITING_CRM", consentry.get(request, Api.ADMIN).json().getString("status"), "the erasure waits for the host");
            JsonObject failed = consentry.get("api/v1/host-deliveries?status=FAILED&recipient=host-helpdesk", Api.ADMIN).structure()
                    .asJsonArray().getValuesAs(JsonObject.class).stream().filter(d -> d.getString("kind").equals("host.erasure"))
                    .findFirst().orElseThrow(() -> new AssertionError("the failed notice is not listed for the admin"));
            assertFalse(failed.toString().contains(customer), "listed without the subject's id: " + failed);
            assertEquals(403, consentry.get("api/v1/host-deliveries", Api.HOST).status(), "for admins only");

            crmStore(host, "up");
            Api.Reply retried = consentry.post("api/v1/host-deliveries/" + failed.getString("id") + "/retry", Api.ADMIN, "");
            assertEquals(200, retried.status(), retried::toString);
            Eventually.until("sent again, the host takes it and the erasure completes", Duration.ofSeconds(30),
                    () -> consentry.get(request, Api.ADMIN).json().getString("status").equals("COMPLETED"));
        } finally {
            crmStore(host, "up");
        }
    }

    @Test
    @OperateOnDeployment("consentry")
    void anEntityThatForgotTheListenerWritesNothingAndItsValueReachesNoLog() throws Exception {
        String customer = "sealing-it-" + UUID.randomUUID();
        String phone = "+48 601 " + (100 + new java.util.Random().nextInt(900)) + " " + (100 + new java.util.Random().nextInt(900));
        Api.Reply refused = host().post("api/tickets/callbacks", Api.ANONYMOUS, """
                {"customer":"%s","phone":"%s"}""".formatted(customer, phone));
        assertEquals(500, refused.status(), refused::toString);
        assertTrue(new Db(dataSource).rows("SELECT id FROM helpdesk_callback WHERE customer_id = ?", customer).isEmpty(),
                "the transaction was rolled back: no row");
        java.nio.file.Path log = java.nio.file.Path.of("logs", "messages.log");
        String logged = java.nio.file.Files.readString(log, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(logged.contains("A @Personal value reached the database unsealed"), "the mistake is logged");
        assertFalse(logged.contains(phone), "the clear value is in no log line");
        java.nio.file.Path ffdc = java.nio.file.Path.of("logs", "ffdc");
        try (var incidents = java.nio.file.Files.isDirectory(ffdc) ? java.nio.file.Files.list(ffdc) : java.util.stream.Stream.<java.nio.file.Path>empty()) {
            for (java.nio.file.Path incident : incidents.toList()) {
                assertFalse(java.nio.file.Files.readString(incident, java.nio.charset.StandardCharsets.ISO_8859_1).contains(phone),
                        "nor in the incident " + incident.getFileName());
            }
        }
    }

    @Test
    @OperateOnDeployment("consentry")
    void aFieldOfACategoryItsPurposeDoesNotHoldIsRefused() throws Exception {
        Api.Reply refused = new Api(base).post("api/v1/host-keys", Api.HOST, """
                {"purpose":"helpdesk-tickets","use":"seal","subjectIds":["sealing-it-x"],
                 "fields":[{"name":"helpdesk_ticket.diagnosis","category":"health"}]}""");
        assertEquals(400, refused.status(), refused::toString);
        assertTrue(refused.problem().getString("detail").contains("not health"), refused::toString);
    }

    @Test
    @OperateOnDeployment("consentry")
    void aChangedValueIsSealedAgainAndAChangeOfAnotherColumnKeepsThePersonalOnes() throws Exception {
        Api host = host();
        String id = open(host, "sealing-it-" + UUID.randomUUID(), "Jan Nowak").getString("id");
        Map<String, Object> before = row(id);

        Api.Reply reworded = host.send(host.request("api/tickets/" + id + "/message", Api.ANONYMOUS)
                .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("Paczka dotarła, dziękuję")));
        assertEquals(200, reworded.status(), reworded::toString);
        assertEquals("Paczka dotarła, dziękuję", reworded.json().getString("message"));
        Map<String, Object> after = row(id);
        assertTrue(((String) after.get("message")).startsWith("csy1."), "the new message is sealed: " + after);
        assertNotEquals(before.get("message"), after.get("message"));
        assertFalse(((String) after.get("message")).contains("Paczka"));

        Api.Reply closed = host.post("api/tickets/" + id + "/close", Api.ANONYMOUS, "");
        assertEquals(200, closed.status(), closed::toString);
        assertEquals("closed", row(id).get("status"));
        JsonObject read = host.get("api/tickets/" + id, Api.ANONYMOUS).json();
        assertEquals("Jan Nowak", read.getString("name"), "the personal values survive a change of another column: " + read);
        assertEquals("Paczka dotarła, dziękuję", read.getString("message"));
        assertTrue(((String) row(id).get("customer_name")).startsWith("csy1."));
    }

    @Test
    @OperateOnDeployment("consentry")
    void aValueMovedToAnotherRowDoesNotOpenThere() throws Exception {
        Api host = host();
        String customer = "sealing-it-" + UUID.randomUUID();
        String first = open(host, customer, "Ewa Zielińska").getString("id");
        String second = open(host, customer, "Piotr Wiśniewski").getString("id");
        Db db = new Db(dataSource);
        db.update("UPDATE helpdesk_ticket SET customer_name = ? WHERE id = ?", row(first).get("customer_name"), second);

        Api.Reply moved = host.get("api/tickets/" + second, Api.ANONYMOUS);
        assertEquals(500, moved.status(), "a value copied from another row fails closed: " + moved);
        assertFalse(moved.text().contains("Ewa") || moved.text().contains("Piotr"), moved::toString);
        assertEquals("Ewa Zielińska", host.get("api/tickets/" + first, Api.ANONYMOUS).json().getString("name"));
    }

    @Test
    @OperateOnDeployment("consentry")
    void anErasureInConsentryReachesTheHostItsSealedRowsUnreadableItsOwnRecordsGoneAndItsReceiptKept() throws Exception {
        Api host = host();
        Api consentry = new Api(base);
        String customer = "sealing-it-" + UUID.randomUUID();
        String id = open(host, customer, "Maria Wójcik").getString("id");
        Map<String, Object> sealed = row(id);
        assertEquals(200, consentry.put("api/v1/subjects/" + customer + "/consents/crm-sync", Api.ADMIN,
                "{\"noticeVersion\":\"2026-11\",\"channel\":\"web\",\"evidence\":\"sealing-it form\"}").status());
        Eventually.until("the grant reaches the host", Duration.ofSeconds(20),
                () -> host.post("api/tickets/" + customer + "/sync", Api.ANONYMOUS, "").status() == 200);
        assertTrue(host.get("api/tickets/synced", Api.ANONYMOUS).text().contains(customer));

        Api.Reply accepted = consentry.delete("api/v1/subjects/" + customer, Api.ADMIN);
        assertEquals(202, accepted.status(), accepted::toString);
        String request = "api/v1/erasures/" + accepted.json().getString("requestId");
        try {
            Eventually.until("the erasure completes: the host acknowledged its notice", Duration.ofSeconds(30),
                    () -> consentry.get(request, Api.ADMIN).json().getString("status").equals("COMPLETED"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + consentry.get(request, Api.ADMIN).text(), e);
        }
        JsonObject receipt = consentry.get(request, Api.ADMIN).json().getJsonArray("recipients").getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getString("recipient").equals("host-helpdesk")).findFirst()
                .orElseThrow(() -> new AssertionError("no receipt of the host: " + consentry.get(request, Api.ADMIN).text()));
        assertEquals("DELIVERED", receipt.getString("status"), receipt::toString);
        assertFalse(host.get("api/tickets/synced", Api.ANONYMOUS).text().contains(customer),
                "the host's own record went with the SubjectErased event, before its receipt");

        // the notice also dropped the host's key (its key-ttl alone would keep it two seconds): unreadable at once
        JsonObject read = host.get("api/tickets/" + id, Api.ANONYMOUS).json();
        assertEquals(JsonValue.NULL, read.get("name"), read::toString);
        assertEquals(JsonValue.NULL, read.get("email"), read::toString);
        assertEquals(JsonValue.NULL, read.get("message"), read::toString);
        assertEquals("open", read.getString("status"), "the host's own columns are untouched");
        assertEquals(sealed, row(id), "the row is still there, its ciphertext unchanged and now unreadable");
        assertTrue(audit(customer).stream().anyMatch(e -> e.getString("action").equals("host.key-release")
                && e.getString("outcome").equals("FAILED") && e.getString("detail").contains("no data key")),
                "the refused key is audited");
    }

    /** The sample host's switch for its own CRM store: "down" makes its erasure observer fail. */
    private static Api.Reply crmStore(Api host, String state) {
        return host.send(host.request("api/tickets/crm-store", Api.ANONYMOUS).header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString(state)));
    }

    private Api host() throws Exception {
        return new Api(URI.create(base.toString()).resolve("/helpdesk/").toURL());
    }

    private static JsonObject open(Api host, String customer, String name) {
        Api.Reply opened = host.post("api/tickets", Api.ANONYMOUS, """
                {"customer":"%s","name":"%s","email":"%s","message":"Dzwonię w sprawie zamówienia, mój numer 600 100 200"}"""
                .formatted(customer, name, name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.')
                        .replace('ń', 'n').replace('ś', 's').replace('ó', 'o') + "@example.com"));
        assertEquals(200, opened.status(), opened::toString);
        return opened.json();
    }

    private Map<String, Object> row(String id) throws Exception {
        List<Map<String, Object>> rows = new Db(dataSource)
                .rows("SELECT customer_id, customer_name, email, message, status FROM helpdesk_ticket WHERE id = ?", id);
        assertEquals(1, rows.size(), "the host's row " + id);
        return rows.get(0);
    }

    private List<JsonObject> audit(String customer) {
        return new Api(base).get("api/v1/audit?subjectId=" + customer + "&limit=50", Api.ADMIN).structure().asJsonArray()
                .getValuesAs(JsonObject.class);
    }
}
