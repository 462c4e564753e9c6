package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.consentry.testing.Api;
import org.consentry.testing.ApiContract;
import org.consentry.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The served OpenAPI document states every bound of the request side and every answer of every operation
 * ({@link ApiContract}), lists every problem type, and names the servers and schemes of the development
 * profile this server runs (PluginInstallIT checks the production profile's). RequestBoundsIT proves the
 * stated bounds against the server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiContractIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application("""
                config_ordinal=700
                consentry.diagnostics.enabled=true
                consentry.escalation.max-transcript-messages=150
                """);
    }

    @ArquillianResource
    URL base;

    private JsonObject document() {
        Api.Reply reply = new Api(base).get("openapi?format=JSON", Api.ANONYMOUS);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    @Test
    void everyRequestBoundAndEveryAnswerIsDeclared() {
        JsonObject document = document();
        List<String> violations = ApiContract.violations(document, false, true);
        assertTrue(violations.isEmpty(), violations.size() + " gaps:\n" + String.join("\n", violations));
        assertTrue(document.getJsonObject("paths").size() > 40, "the walk covered the whole API");
    }

    @Test
    void configuredLimitsAreTheDocumentedOnes() {
        JsonObject schemas = document().getJsonObject("components").getJsonObject("schemas");
        assertEquals(150, schemas.getJsonObject("HandoffRequest").getJsonObject("properties")
                .getJsonObject("transcript").getInt("maxItems"), "consentry.escalation.max-transcript-messages, as deployed");
        assertEquals(4000, schemas.getJsonObject("TranscriptLine").getJsonObject("properties")
                .getJsonObject("text").getInt("maxLength"), "consentry.escalation.max-message-chars");
        assertEquals("^(?:[A-Za-z0-9._:@-]{1,128})$", schemas.getJsonObject("HandoffRequest").getJsonObject("properties")
                .getJsonObject("subjectId").getString("pattern"), "a pattern as the server applies it: to the whole value");
    }

    @Test
    void theProblemTypesAreListedWithTheirUris() {
        JsonObject problem = document().getJsonObject("components").getJsonObject("schemas").getJsonObject("Problem");
        var types = problem.getJsonArray("x-problem-types").getValuesAs(JsonObject.class);
        assertTrue(types.size() > 30, types::toString);
        assertTrue(types.stream().anyMatch(t -> t.getString("type").equals("tag:consentry.org,2026:problems/handoff-limit")
                && t.getInt("status") == 429), types::toString);
        assertTrue(types.stream().allMatch(t -> t.getString("type").startsWith("tag:consentry.org,2026:problems/")));
    }

    @Test
    void theDevelopmentProfileListsItsOwnAddressesAndItsBasicUsers() {
        JsonObject document = document();
        var servers = document.getJsonArray("servers").getValuesAs(JsonObject.class);
        assertTrue(servers.stream().anyMatch(s -> s.getString("url").startsWith("https://")), servers::toString);
        assertTrue(servers.stream().filter(s -> s.getString("url").startsWith("http://"))
                .allMatch(s -> s.getString("description").contains("development profile only")), servers::toString);
        JsonObject schemes = document.getJsonObject("components").getJsonObject("securitySchemes");
        assertTrue(schemes.containsKey("basic"), "the development server's basic registry");
        String bearer = schemes.getJsonObject("jwt").getString("description");
        assertTrue(bearer.contains("RFC 8725") && bearer.contains("aud must contain consentry") && bearer.contains("exp is required"),
                bearer);
    }
}
