package org.consentry.crmsync.connector.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.consentry.testing.StandIn;
import org.junit.jupiter.api.Test;

/** The fake org refuses what a real one refuses, in the real one's words, and its contract what Salesforce does not document. */
class FakeSalesforceTest {

    final FakeSalesforce fake = new FakeSalesforce("secret");

    static StandIn.Request request(String method, String path, String contentType, String body, String token) {
        Map<String, List<String>> headers = token == null ? Map.of("Content-Type", List.of(contentType))
                : Map.of("Content-Type", List.of(contentType), "Authorization", List.of("Bearer " + token));
        return new StandIn.Request(method, path, headers, body);
    }

    String token() {
        StandIn.Answer answer = fake.apply(request("POST", AccessTokens.PATH, "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=" + FakeSalesforce.CLIENT_ID + "&client_secret=secret", null));
        assertEquals(200, answer.status(), answer::toString);
        return answer.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    StandIn.Answer upsert(String subject, String body, String token) {
        return fake.apply(request("PATCH", "/services/data/v64.0/sobjects/Contact/Consentry_Subject_Id__c/" + subject,
                "application/json", body, token));
    }

    @Test
    void requiredFieldsUniqueExternalIdsAndSessionsAreEnforced() {
        String token = token();
        StandIn.Answer noLastName = upsert("cust-a", "{\"Email\":\"a@example.pl\"}", token);
        assertEquals(400, noLastName.status());
        assertTrue(noLastName.body().contains("\"errorCode\":\"REQUIRED_FIELD_MISSING\""), noLastName.body());
        assertEquals(201, upsert("cust-a", "{\"LastName\":\"Nowak\"}", token).status());
        assertEquals(200, upsert("cust-a", "{\"LastName\":\"Nowak\"}", token).status(), "the same external id updates");
        StandIn.Answer duplicate = upsert("cust-b", "{\"LastName\":\"Kowal\",\"Consentry_Subject_Id__c\":\"cust-a\"}", token);
        assertEquals(400, duplicate.status());
        assertTrue(duplicate.body().contains("\"errorCode\":\"DUPLICATE_VALUE\""), duplicate.body());
        fake.expireSessions();
        StandIn.Answer expired = upsert("cust-a", "{\"LastName\":\"Nowak\"}", token);
        assertEquals(401, expired.status());
        assertEquals("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\",\"fields\":[]}]", expired.body());
        assertEquals(List.of(), fake.contract.violations());
    }

    @Test
    void theContractRefusesAnUndocumentedGrantAFieldTheOrgDoesNotHaveAndAFieldTooLong() {
        assertEquals(400, fake.apply(request("POST", AccessTokens.PATH, "application/x-www-form-urlencoded",
                "grant_type=password&client_id=x&client_secret=y&username=u", null)).status());
        String token = token();
        StandIn.Answer unknown = upsert("cust-c", "{\"LastName\":\"Nowak\",\"E_mail\":\"c@example.pl\"}", token);
        assertEquals(400, unknown.status());
        assertTrue(unknown.body().contains("INVALID_FIELD"), unknown.body());
        assertEquals(400, upsert("cust-c", "{\"LastName\":\"" + "x".repeat(81) + "\"}", token).status());
        List<String> violations = fake.contract.violations();
        assertEquals(4, violations.size(), violations::toString); // the form: grant_type and username
        assertTrue(violations.stream().anyMatch(v -> v.contains("E_mail")), violations::toString);
    }
}
