package org.consentry.host.boundary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.consentry.samplehost.HelpdeskApplication;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.ShouldThrowException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A host that adds the client jar but not its configuration does not start (not at its first guarded call):
 * the deployment fails, and the server log names the missing key, never a value.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class UnconfiguredHostIT {

    @Deployment(testable = false)
    @ShouldThrowException(DeploymentException.class)
    static WebArchive unconfigured() throws IOException {
        return ShrinkWrap.create(WebArchive.class, "unconfigured-helpdesk.war")
                .addPackage(HelpdeskApplication.class.getPackage())
                .addAsLibrary(HostConsentIT.clientJar())
                .addAsResource(new StringAsset("consentry.client.user=helpdesk\nconsentry.client.password=helpdesk-dev\n"),
                        "META-INF/microprofile-config.properties");
    }

    @Test
    void theServerLogNamesTheMissingKey() throws IOException {
        Path log = Path.of(System.getProperty("it.server.dir", "target/liberty/wlp/usr/servers/"
                + System.getProperty("it.server", "consentryIT")), "logs", "messages.log");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("consentry.client.url is not set: the client jar needs Consentry's URL"),
                "the deployment failed for the missing key");
    }
}
