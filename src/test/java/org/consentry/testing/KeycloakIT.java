package org.consentry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The test Keycloak itself (no Liberty): every realm of src/test/resources/keycloak imported, and the
 * console's client refusing an authorisation request without PKCE, as the realm file says.
 */
@EnabledIf(value = "org.consentry.testing.Prerequisites#keycloak", disabledReason = "no JDK of Java 21 or later for Keycloak (e.g. openjdk-21-jdk-headless, or KEYCLOAK_JAVA_HOME); under CI=true this test runs")
class KeycloakIT {

    private final Keycloak keycloak = Keycloak.get();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void importsEveryRealmOfTheTestResources() throws Exception {
        assertTrue(keycloak.realms().containsAll(List.of("consentry", "elsewhere")), keycloak.realms().toString());
        for (String realm : keycloak.realms()) {
            JsonObject discovery = get(keycloak.issuer(realm) + "/.well-known/openid-configuration");
            assertEquals(keycloak.issuer(realm).toString(), discovery.getString("issuer"));
            assertTrue(discovery.getJsonArray("code_challenge_methods_supported").getValuesAs(
                    jakarta.json.JsonString::getString).contains("S256"), realm);
        }
    }

    @Test
    void theConsoleClientRequiresPkce() throws Exception {
        String redirect = "https://localhost:" + System.getProperty("it.https.port", "19443")
                + "/oidcclient/redirect/consentrySso";
        URI authorize = URI.create(keycloak.issuer("consentry") + "/protocol/openid-connect/auth?client_id=consentry-console"
                + "&response_type=code&scope=openid&state=s1&redirect_uri=" + java.net.URLEncoder.encode(redirect, StandardCharsets.UTF_8));
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(authorize).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(302, answer.statusCode(), "Keycloak sends the browser back with an error");
        String location = URLDecoder.decode(answer.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertTrue(location.startsWith(redirect + "?"), location);
        assertTrue(location.contains("error=invalid_request") && location.contains("code_challenge_method"), location);
    }

    private JsonObject get(String url) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), url);
        return Json.createReader(new StringReader(answer.body())).readObject();
    }
}
