package org.consentry.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake vendors' contract check refuses what a description forbids and lets through what it allows. */
class ContractTest {

    final Contract contract = Contract.of("/contracts/selftest/things.yaml", null);

    static StandIn.Request put(String path, String body) {
        return new StandIn.Request("PUT", path, Map.of("Content-Type", List.of("application/json")), body);
    }

    @Test
    void aConformingRequestAndAnswerPass() {
        StandIn.Request request = put("/v1/things/7", "{\"name\":\"ok\"}");
        assertEquals(List.of(), contract.check(request));
        assertEquals(List.of(), contract.check(request, StandIn.Answer.ok("{\"id\":7}")));
        assertTrue(contract.violations().isEmpty());
    }

    @Test
    void aWrongFieldNameAWrongPathAndABadAnswerAreViolations() {
        assertFalse(contract.check(put("/v1/things/7", "{\"nmae\":\"ok\"}")).isEmpty(), "unknown member, required missing");
        assertFalse(contract.check(put("/v1/things/x", "{\"name\":\"ok\"}")).isEmpty(), "id must be an integer");
        assertFalse(contract.check(put("/v1/widgets/7", "{\"name\":\"ok\"}")).isEmpty(), "no such path");
        assertFalse(contract.check(put("/v1/things/7", "{\"name\":\"ok\"}"), StandIn.Answer.ok("{\"nope\":1}")).isEmpty());
        assertTrue(contract.violations().size() >= 4, "every violation is kept: " + contract.violations());
    }
}
