package org.consentry.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.consentry.testing.Api;
import org.consentry.testing.ApiContract;
import org.consentry.testing.Db;
import org.consentry.testing.Handoff;
import org.consentry.testing.Tokens;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.ds.PGSimpleDataSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The release artifact (consentry-<version>-plugin.zip) installed into a Liberty server that is not
 * ours, the way docs/operator-guide.md says: a server created apart from the test server (its own user
 * folder under target/install-it, its own ports 19380/19743, its own minimal server.xml with its own
 * user registry and an application of its own), the guide's install blocks run as written, then
 * Consentry and the host's application must both answer. PostgreSQL only (the plugin's data source):
 * it runs in the PostgreSQL stage of .ci/run, on the database consentry_install.
 */
@EnabledIfSystemProperty(named = "consentry.db", matches = "postgres", disabledReason = "the plugin's data source is"
        + " PostgreSQL: this test runs with -Dconsentry.db=postgres (the PostgreSQL stage of .ci/run)")
class PluginInstallIT {

    static final int HTTP_PORT = 19380;
    static final int HTTPS_PORT = 19743;
    static final String SERVER = "pluginHost";
    static final String DB_NAME = System.getenv().getOrDefault("INSTALL_DB_NAME", "consentry_install");
    static final String BOT = "chatbot:chatbot-install-secret";
    static final String ADMIN_UPN = "dpo-install";

    static final Path WLP = Path.of("target/liberty/wlp").toAbsolutePath();
    static final Path USER_DIR = Path.of("target/install-it/usr").toAbsolutePath();
    static final Path SERVER_DIR = USER_DIR.resolve("servers").resolve(SERVER);
    static final Path GUIDE = Path.of("docs/operator-guide.md");

    static Path zip;
    static boolean started;
    static final Path KEYS_DIR = USER_DIR.getParent().resolve("keys");
    static final Path SECRETS_DIR = USER_DIR.getParent().resolve("secrets");
    static final String DB_ROOT_CERT = System.getenv("CONSENTRY_TEST_DB_ROOT_CERT");
    static final URL PLAIN = url("http://localhost:" + HTTP_PORT + "/");
    static final URL BASE = url("https://localhost:" + HTTPS_PORT + "/");
    /** Over HTTPS, trusting the host's own certificate (made by Liberty at the host's first start). */
    static Api API;
    /** What the production profile answered to the development values (finding 2). */
    static String refusal;

    @BeforeAll
    static void installIntoAHostServerAndStartIt() throws Exception {
        zip = Path.of(System.getProperty("consentry.plugin.zip", "target/consentry-plugin.zip")).toAbsolutePath();
        assertTrue(Files.isRegularFile(zip), "no release artifact at " + zip + ": mvn package builds it");
        db().rows("SELECT 1"); // the database must exist before the server starts: .ci/run creates it
        assertNotNull(DB_ROOT_CERT, "CONSENTRY_TEST_DB_ROOT_CERT names the CA of PostgreSQL's certificate: the plugin"
                + " connects with sslmode=verify-full (.ci/run sets it up with scripts/ci/postgres-tls.sh)");

        deleteTree(USER_DIR.getParent());
        run(Duration.ofMinutes(1), WLP.resolve("bin/server").toString(), "create", SERVER);
        Files.writeString(SERVER_DIR.resolve("server.xml"), hostServerXml());
        // two servers side by side in CI (this one and the suite's test server): a heap fit for the machine
        Files.writeString(SERVER_DIR.resolve("jvm.options"), "-Xmx256m\n");
        hostApplication().as(ZipExporter.class).exportTo(SERVER_DIR.resolve("apps/host-greeting.war").toFile(), true);

        // The operator's part: the guide's blocks as written (unzip, time zone, keystore), with the
        // variables the guide asks to set first; the driver from the Maven repository instead of a download.
        Path driver = driver();
        Path jdbcDir = Files.createDirectories(SERVER_DIR.resolve("lib/consentry"));
        Files.copy(driver, jdbcDir.resolve(driver.getFileName()));
        List<String> blocks = GuideCommands.blocks(GUIDE);
        assertEquals(3, blocks.size(), "the guide's install, keystore and settings blocks");
        String script = "set -euo pipefail\n"
                + "SERVER_DIR='" + SERVER_DIR + "'\nCONSENTRY_ZIP='" + zip + "'\n"
                + "DB_NAME='" + DB_NAME + "'\nDB_PASSWORD=consentry-dev\n"
                + "KEYS_DIR='" + KEYS_DIR + "'\nSECRETS_DIR='" + SECRETS_DIR + "'\nDB_ROOT_CERT='" + DB_ROOT_CERT + "'\n"
                + "CALLBACK_HOSTS=bot.install.test\nAPI_URL=" + BASE.toString().replaceAll("/$", "") + "\n"
                + String.join("\n", blocks);
        run(Duration.ofMinutes(1), "bash", "-c", script);

        // The host trusts an MP JWT issuer too: bearer tokens for Consentry, Basic for everything else.
        Path publicKey = Files.createDirectories(SERVER_DIR.resolve("resources/security")).resolve("idp-public.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(Tokens.TRUSTED.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        // ... and its registry signs the chatbot in by password: the API document offers Basic (operator guide, step 5)
        Files.writeString(SERVER_DIR.resolve("server.env"), "MP_JWT_VERIFY_ISSUER=" + Tokens.ISSUER + "\n"
                + "MP_JWT_VERIFY_PUBLICKEY_LOCATION=file:" + publicKey + "\nCONSENTRY_OPENAPI_BASIC=true\n",
                java.nio.file.StandardOpenOption.APPEND);

        for (int port : List.of(HTTP_PORT, HTTPS_PORT)) {
            assertFalse(listening(port), "port " + port + " is taken: another server would answer in this one's place");
        }
        // Finding 2: development values in the production profile stop the application's start
        Path serverEnv = SERVER_DIR.resolve("server.env");
        String settings = Files.readString(serverEnv);
        Files.writeString(serverEnv, settings + "\nCONSENTRY_CALLBACK_ALLOW_HTTP=true\nCONSENTRY_KEK_DEV_GENERATE=true\n");
        run(Duration.ofMinutes(3), WLP.resolve("bin/server").toString(), "start", SERVER);
        started = true;
        refusal = awaitRefusal(Duration.ofMinutes(3));
        run(Duration.ofMinutes(2), WLP.resolve("bin/server").toString(), "stop", SERVER);
        started = false;
        Files.writeString(serverEnv, settings);
        Files.move(SERVER_DIR.resolve("logs/messages.log"), SERVER_DIR.resolve("logs/refused-start.log"));

        API = new Api(BASE, Api.trusting(hostKeystore()));
        run(Duration.ofMinutes(3), WLP.resolve("bin/server").toString(), "start", SERVER);
        started = true;
        awaitReady(Duration.ofMinutes(3));
    }

    @Test
    void failClosedDefaults_developmentValuesStopTheStartNamingEachKey() {
        assertTrue(refusal.contains("consentry.callback.allow-http: true"), refusal);
        assertTrue(refusal.contains("consentry.kek.dev-generate: true"), refusal);
        assertFalse(refusal.contains("CONSENTRY_CALLBACK_SECRET") || refusal.contains(secret("CONSENTRY_CALLBACK_SECRET")),
                "names keys, never a secret: " + refusal);
    }

    @Test
    void kekCustody_theKeystoreAndItsPasswordLiveApartAndOutsideTheServer() throws Exception {
        Path keystore = KEYS_DIR.resolve("consentry-kek.p12");
        Path password = SECRETS_DIR.resolve("consentry-kek-password");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore)));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(password)));
        String kekPassword = Files.readString(password).strip();
        assertTrue(kekPassword.length() >= 24, "a generated password");
        try (Stream<Path> files = Files.walk(SERVER_DIR)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(file.getFileName().toString().endsWith(".p12") && file.getFileName().toString().contains("kek"),
                        "a key-encryption keystore inside the server's folder: " + file);
                if (!file.toString().contains("/logs/") && !file.toString().endsWith(".war") && !file.toString().endsWith(".jar")) {
                    assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(kekPassword),
                            "the KEK password is in " + file);
                }
            }
        }
        java.security.KeyStore.getInstance(keystore.toFile(), kekPassword.toCharArray()); // the one that opens it
    }

    @Test
    void transport_plainHttpIsRefusedAndHttpsAnswersCarryHsts() {
        Api plain = new Api(PLAIN);
        for (String user : java.util.Arrays.asList(Api.ANONYMOUS, BOT)) {
            var refused = plain.get("api/v1/subjects/x/consents", user);
            assertEquals(403, refused.status(), refused::toString);
            assertTrue(refused.problem().getString("type").endsWith("/https-required"), refused::toString);
            assertEquals(null, refused.header("WWW-Authenticate"), "no Basic challenge over plain HTTP");
        }
        var notice = plain.get("api/v1/privacy-notice?lang=en", Api.ANONYMOUS);
        assertEquals(403, notice.status(), notice::toString);
        assertTrue(notice.problem().getString("detail").contains("https://"), notice::toString);

        var secure = API.get("api/v1/privacy-notice?lang=en", Api.ANONYMOUS);
        assertEquals(200, secure.status(), secure::toString);
        assertEquals("max-age=31536000", secure.header("Strict-Transport-Security"));
    }

    @Test
    void transport_everyConnectionToPostgresIsTls() throws SQLException {
        List<Map<String, Object>> connections = db().rows("SELECT s.ssl AS ssl, s.version AS version FROM pg_stat_ssl s"
                + " JOIN pg_stat_activity a ON a.pid = s.pid WHERE a.datname = ? AND a.pid <> pg_backend_pid()"
                + " AND a.backend_type = 'client backend'", DB_NAME);
        assertFalse(connections.isEmpty(), "the plugin's pool holds connections to " + DB_NAME);
        for (Map<String, Object> connection : connections) {
            assertEquals(Boolean.TRUE, connection.get("ssl"), connections::toString);
        }
    }

    private static String secret(String name) {
        try {
            return Files.readAllLines(SERVER_DIR.resolve("server.env")).stream().filter(l -> l.startsWith(name + "="))
                    .map(l -> l.substring(name.length() + 1)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The host's TLS keystore (Liberty made it at the first start), as a trust store for the client. */
    private static java.security.KeyStore hostKeystore() throws Exception {
        return java.security.KeyStore.getInstance(SERVER_DIR.resolve("resources/security/key.p12").toFile(),
                secret("keystore_password").toCharArray());
    }

    private static String awaitRefusal(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Path log = SERVER_DIR.resolve("logs/messages.log");
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(log)) {
                var refused = Files.readAllLines(log).stream().filter(l -> l.contains("Invalid production profile configuration: "))
                        .findFirst();
                if (refused.isPresent()) {
                    return refused.get();
                }
                assertFalse(Files.readString(log).contains("CWWKZ0001I: Application consentry started"),
                        "the application started with development values in the production profile");
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no start-up refusal of consentry in " + log + ": " + errors(log));
    }

    @AfterAll
    static void stop() {
        if (started) {
            run(Duration.ofMinutes(2), WLP.resolve("bin/server").toString(), "stop", SERVER);
        }
    }

    @Test
    void theSnippetOwnsNothingOfTheHostsAndSetsNoValueOnlyDefaults() throws Exception {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            assertNotNull(archive.getEntry("apps/consentry.war"));
            try (InputStream in = archive.getInputStream(archive.getEntry("configDropins/defaults/consentry.xml"))) {
                var factory = DocumentBuilderFactory.newInstance();
                factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                Element server = factory.newDocumentBuilder().parse(in).getDocumentElement();
                for (String hostOwned : List.of("httpEndpoint", "keyStore", "ssl", "sslDefault", "basicRegistry",
                        "ldapRegistry", "quickStartSecurity", "administrator-role", "reader-role", "applicationManager",
                        "mpMetrics", "include")) {
                    assertEquals(0, server.getElementsByTagName(hostOwned).getLength(), hostOwned + " is the host's");
                }
                NodeList variables = server.getElementsByTagName("variable");
                assertTrue(variables.getLength() > 5);
                for (int i = 0; i < variables.getLength(); i++) {
                    Element variable = (Element) variables.item(i);
                    assertTrue(variable.getAttribute("name").startsWith("consentry."), variable.getAttribute("name"));
                    assertFalse(variable.hasAttribute("value"), variable.getAttribute("name")
                            + ": a value would outrank the host's own settings; defaultValue only");
                }
            }
        }
    }

    @Test
    void theHostsOwnApplicationStillAnswers() {
        var page = API.get("host-greeting/", Api.ANONYMOUS);
        assertEquals(200, page.status(), page::toString);
        assertTrue(page.text().contains("host-greeting index page"), page.text());
        var greeting = API.get("host-greeting/greeting?name=Operator", Api.ANONYMOUS);
        assertEquals(200, greeting.status(), greeting::toString);
        assertEquals(HostGreeting.GREETING + "Operator", greeting.text());
    }

    @Test
    void thePrivacyNoticeIsPublic() {
        var notice = API.get("api/v1/privacy-notice?lang=en", Api.ANONYMOUS);
        assertEquals(200, notice.status(), notice::toString);
        assertTrue(notice.text().contains("\"support-handoff\""), notice.text());
        assertTrue(notice.json().getString("aiDisclosure").contains("automated assistant"), notice.text());
    }

    @Test
    void theDevelopmentUsersAreNotShipped() {
        var reply = API.get("api/v1/subjects/x/consents", Api.ADMIN);
        assertEquals(401, reply.status(), reply::toString);
        assertTrue(reply.problem().getString("type").endsWith("/unauthenticated"));
    }

    @Test
    void aHandoffWithItsConsentIsStoredInTheHostsPostgres() throws SQLException {
        Handoff handoff = new Handoff().withConsent();
        var created = API.post("api/v1/escalations", BOT, handoff.json());
        assertEquals(201, created.status(), created::toString);
        assertEquals("WAITING", created.json().getString("status"));
        String id = created.json().getString("id");
        assertTrue(created.header("Location").endsWith("/api/v1/escalations/" + id), created.header("Location"));

        Db db = db();
        List<Map<String, Object>> rows = db.rows("SELECT subject_id, status, message_count, customer_name, handed_off_by"
                + " FROM escalation WHERE id = ?", id);
        assertEquals(1, rows.size());
        assertEquals(handoff.subjectId, rows.get(0).get("subject_id"));
        assertEquals("chatbot", rows.get(0).get("handed_off_by"), "the host's bot user owns the conversation");
        assertEquals("WAITING", rows.get(0).get("status"));
        assertEquals(2, rows.get(0).get("message_count"));
        String sealedName = new String((byte[]) rows.get(0).get("customer_name"), StandardCharsets.ISO_8859_1);
        assertFalse(sealedName.contains(new String(Handoff.NAME.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)),
                "the name is stored sealed");
        assertEquals(1, db.rows("SELECT 1 FROM consent_record WHERE subject_id = ? AND purpose = 'support-handoff'"
                + " AND status = 'GRANTED' AND granted_by = 'chatbot'", handoff.subjectId).size());
        assertTrue(((Number) db.rows("SELECT count(*) AS n FROM subject_key WHERE subject_id = ?", handoff.subjectId)
                .get(0).get("n")).intValue() == 1, "the subject's data key, wrapped under the operator's KEK");
    }

    @Test
    void bearerTokensGoToMpJwtWhileBasicStaysWithTheHostsRegistry() {
        Handoff handoff = new Handoff().withConsent();
        assertEquals(201, API.post("api/v1/escalations", BOT, handoff.json()).status());
        String subject = handoff.subjectId;
        var read = API.send(API.request("api/v1/subjects/" + subject + "/consents", Api.ANONYMOUS)
                .header("Authorization", "Bearer " + Tokens.token(ADMIN_UPN, "admin")).GET());
        assertEquals(200, read.status(), read::toString);
        assertEquals(1, read.json().getJsonArray("history").size());
        var forged = API.send(API.request("api/v1/subjects/" + subject + "/consents", Api.ANONYMOUS)
                .header("Authorization", "Bearer " + Tokens.token(Tokens.rsa(), Tokens.ISSUER, "mallory", List.of("admin"), 300)).GET());
        assertEquals(401, forged.status(), forged::toString);
    }

    @Test
    void theApiDocumentOfProductionStatesItsBoundsAndOffersOnlyWhatTheOperatorConfigured() {
        Api.Reply reply = API.get("openapi?format=JSON", Api.ANONYMOUS);
        assertEquals(200, reply.status(), reply::toString);
        JsonObject document = reply.json();
        List<String> violations = ApiContract.violations(document, true, true);
        assertTrue(violations.isEmpty(), String.join("\n", violations));
        var servers = document.getJsonArray("servers").getValuesAs(JsonObject.class);
        assertEquals(1, servers.size(), servers::toString);
        assertEquals(BASE.toString().replaceAll("/$", ""), servers.get(0).getString("url"), "the operator's API_URL, and nothing else");
        assertEquals("internal", servers.get(0).getString("x-audience"));
        JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertTrue(schemes.getJsonObject("basic").getString("description").contains("host's user registry"), schemes::toString);
        assertTrue(schemes.getJsonObject("jwt").getString("description").contains("iss must be " + Tokens.ISSUER), schemes::toString);
    }

    /** A host as an enterprise might run it: its own ports, TLS keystore, users and application. */
    private static String hostServerXml() {
        return """
                <server description="An existing host server with an application of its own">
                    <featureManager>
                        <feature>servlet-6.0</feature>
                    </featureManager>
                    <httpEndpoint id="defaultHttpEndpoint" host="localhost" httpPort="%d" httpsPort="%d"/>
                    <keyStore id="defaultKeyStore" password="${keystore_password}"/>
                    <basicRegistry id="hostUsers" realm="host">
                        <user name="chatbot" password="chatbot-install-secret"/>
                        <group name="bot"><member name="chatbot"/></group>
                    </basicRegistry>
                    <webApplication id="hostGreeting" name="hostGreeting" location="host-greeting.war" contextRoot="/host-greeting"/>
                </server>
                """.formatted(HTTP_PORT, HTTPS_PORT);
    }

    private static WebArchive hostApplication() {
        return ShrinkWrap.create(WebArchive.class, "host-greeting.war").addClass(HostGreeting.class)
                .add(new StringAsset("<!doctype html><title>host</title><p>host-greeting index page</p>"), "index.html");
    }

    /** The PostgreSQL driver the build copied for the test server (the same jar as on Maven Central). */
    private static Path driver() throws IOException {
        try (Stream<Path> jars = Files.list(WLP.resolve("usr/servers/" + System.getProperty("it.server", "consentryIT") + "/jdbc"))) {
            return jars.filter(p -> p.getFileName().toString().startsWith("postgresql-")).findFirst()
                    .orElseThrow(() -> new AssertionError("no PostgreSQL driver copied by the build"));
        }
    }

    private static Db db() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"localhost"});
        ds.setDatabaseName(DB_NAME);
        ds.setUser("consentry");
        ds.setPassword("consentry-dev");
        return new Db(ds);
    }

    private static void awaitReady(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int status = 0;
        Path log = SERVER_DIR.resolve("logs/messages.log");
        boolean hostAppStarted = false;
        while (System.nanoTime() < deadline) {
            status = API.get("health/ready", Api.ANONYMOUS).status();
            // Liberty starts the applications side by side: Consentry may be ready before the host's own app
            hostAppStarted = Files.isRegularFile(log) && Files.readString(log).contains("CWWKZ0001I: Application hostGreeting started");
            if (status == 200 && hostAppStarted) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the host server is not ready (readiness " + status + ", host app started: "
                + hostAppStarted + "): " + errors(log));
    }

    private static boolean listening(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String errors(Path log) throws IOException {
        return Files.isRegularFile(log) ? String.join("\n", Files.readAllLines(log).stream()
                .filter(l -> l.contains(" E ") || l.contains(" W ")).toList()) : "no " + log;
    }

    private static String run(Duration timeout, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("WLP_USER_DIR", USER_DIR.toString());
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + List.of(command));
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(List.of(command).get(0) + " exited " + process.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static URL url(String spec) {
        try {
            return java.net.URI.create(spec).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
