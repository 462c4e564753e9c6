package org.consentry.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The sample host (org.consentry.samplehost) as a WAR of its own, helpdesk.war, with the client jar the
 * build made in its WEB-INF/lib, and Consentry's side of it: the host's purpose and the host's notice URL.
 */
public final class SampleHost {

    /** The webhook secret both sides share in the tests (not a real one). */
    public static final String SECRET = "whsec_Y29uc2VudHJ5LWhvc3QtaXQtc2VjcmV0LTAxMjM0NTY3";

    private SampleHost() {
    }

    /** Consentry's configuration for the sample host on the test server's HTTP port. */
    public static String consentrySide(String port) {
        return """
                consentry.hosts=helpdesk
                consentry.host.helpdesk.url=http://localhost:%s/helpdesk/consentry/consent-changes
                consentry.host.helpdesk.allow-http=true
                consentry.host.helpdesk.secret=%s
                consentry.purposes=support-handoff,crm-sync,transcript-analytics,helpdesk-tickets
                consentry.purposes.helpdesk-tickets.basis=contract
                consentry.purposes.helpdesk-tickets.notice-version=2026-11
                consentry.purposes.helpdesk-tickets.categories=contact,transcript
                consentry.purposes.helpdesk-tickets.recipients=support-agents
                consentry.purposes.helpdesk-tickets.text.en=Handling the tickets you open with our helpdesk.
                consentry.purposes.helpdesk-tickets.text.pl=Obsługa zgłoszeń, które otwierasz w naszym helpdesku.
                consentry.outbox.poll-interval=PT0.2S
                consentry.outbox.retry-base=PT0.2S
                consentry.outbox.retry-cap=PT1S
                """.formatted(port, SECRET);
    }

    /** helpdesk.war, its client configured with the lines given beyond Consentry's URL, the host's identity and the secret. */
    public static WebArchive war(String port, String clientConfig) throws IOException {
        return ShrinkWrap.create(WebArchive.class, "helpdesk.war")
                .addPackage("org.consentry.samplehost")
                .addAsLibrary(clientJar())
                .addAsResource("samplehost/persistence.xml", "META-INF/persistence.xml")
                .addAsResource(new StringAsset("""
                        consentry.client.url=http://localhost:%s/
                        consentry.client.user=helpdesk
                        consentry.client.password=helpdesk-dev
                        consentry.client.webhook-secret=%s
                        consentry.client.retained=org.consentry.samplehost.Ticket
                        consentry.client.datasource=jdbc/consentry
                        consentry.client.sweep-every=PT1S
                        """.formatted(port, SECRET) + clientConfig), "META-INF/microprofile-config.properties");
    }

    /** The client jar the build made (mvn package), not the classes: what a host gets is what is tested. */
    public static File clientJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("consentry-.+-client\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/consentry-*-client.jar: run mvn package first")).toFile();
        }
    }
}
