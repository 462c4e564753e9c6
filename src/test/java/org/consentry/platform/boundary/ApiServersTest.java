package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The servers and schemes the document publishes, per profile and configuration (OWASP API 2023: API8, API9). */
class ApiServersTest {

    private static ApiServers.Declared declared(Map<String, String> config) {
        return ApiServers.declared(key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void productionPublishesOnlyWhatOperatorsConfigureEachMarked() {
        var declared = declared(Map.of("consentry.profile", "production",
                "consentry.openapi.internal-url", "https://consentry.corp.example:9443",
                "consentry.openapi.public-url", "https://helpdesk.example.com", "http.port", "9080"));
        assertEquals(List.of("https://consentry.corp.example:9443", "https://helpdesk.example.com"),
                declared.servers().stream().map(ApiServers.Address::url).toList());
        assertEquals(List.of("internal", "public"), declared.servers().stream().map(ApiServers.Address::audience).toList());
        assertFalse(declared.basic(), "production signs in with bearer tokens unless the operator says otherwise");
    }

    @Test
    void productionWithoutAddressesNamesOnlyTheServerThatServedTheDocument() {
        var declared = declared(Map.of("http.port", "9080", "https.port", "9443"));
        assertEquals(List.of("/"), declared.servers().stream().map(ApiServers.Address::url).toList(),
                "no profile is production; no http:// address, and no guessed host");
    }

    @Test
    void developmentListsItsOwnPortsPlainHttpMarkedAsDevelopmentOnly() {
        var declared = declared(Map.of("consentry.profile", "development", "http.port", "19080", "https.port", "19443"));
        assertEquals(List.of("https://localhost:19443", "http://localhost:19080"),
                declared.servers().stream().map(ApiServers.Address::url).toList());
        assertTrue(declared.servers().get(1).description().contains("development profile only"));
        assertTrue(declared.basic() && declared.basicDescription().contains("development"));
    }

    @Test
    void basicIsOfferedInProductionOnlyWhenTheHostsRegistrySignsUsersInByPassword() {
        var declared = declared(Map.of("consentry.openapi.basic", "true"));
        assertTrue(declared.basic());
        assertTrue(declared.basicDescription().contains("host's user registry"), declared.basicDescription());
    }

    @Test
    void theBearerSchemeStatesTheTokenRulesItEnforces() {
        String bearer = declared(Map.of("mp.jwt.verify.issuer", "https://idp.example.com/realms/consentry",
                "mp.jwt.verify.audiences", "consentry", "mp.jwt.verify.publickey.algorithm", "ES256",
                "mp.jwt.verify.clock.skew", "30", "consentry.jwt.roles-claim", "consentry_roles")).bearerDescription();
        for (String rule : List.of("RFC 8725", "ES256", "iss must be https://idp.example.com/realms/consentry",
                "aud must contain consentry", "exp is required", "30 s clock skew", "claim consentry_roles")) {
            assertTrue(bearer.contains(rule), rule + " not in: " + bearer);
        }
        assertTrue(declared(Map.of()).bearerDescription().contains("not configured: no bearer token is accepted"));
    }
}
