package org.consentry.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;

class SpanRedactionTest {

    @Test
    void everyPathParameterIsReplacedByItsName() {
        var parameters = new MultivaluedHashMap<String, String>();
        parameters.add("subjectId", "cust-7%40example.pl");
        parameters.add("purpose", "crm-sync");
        assertEquals("/api/v1/subjects/{subjectId}/consents/{purpose}",
                SpanRedaction.template("/api/v1/subjects/cust-7%40example.pl/consents/crm-sync", parameters));
        assertEquals("/api/v1/escalations", SpanRedaction.template("/api/v1/escalations", new MultivaluedHashMap<>()));
    }
}
