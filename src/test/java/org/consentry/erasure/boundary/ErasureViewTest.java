package org.consentry.erasure.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Period;
import java.time.ZoneOffset;
import org.consentry.erasure.entity.ErasureRequest;
import org.consentry.erasure.entity.Receipt;
import org.consentry.testing.evidence.Duty;
import org.consentry.testing.evidence.Proves;
import org.junit.jupiter.api.Test;

class ErasureViewTest {

    static final Instant REQUESTED = Instant.parse("2026-01-31T09:00:00Z");

    private static ErasureRequest request() {
        return new ErasureRequest("cust-1", "ref-1", "admin", REQUESTED, Period.ofMonths(1));
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    @Proves(Duty.GDPR_12_3)
    void theDeadlineIsOneMonthAndItsClockRunsUntilTheRequestIsDone() {
        ErasureView open = ErasureView.of(request(), at("2026-02-10T09:00:00Z"), Map.of());
        assertEquals(Instant.parse("2026-02-28T09:00:00Z"), open.deadline(), "Art. 12(3): one month");
        assertEquals("PT240H", open.age());
        assertFalse(open.overdue());
        assertTrue(ErasureView.of(request(), at("2026-03-01T09:00:00Z"), Map.of()).overdue());
        assertEquals("PENDING", open.status());
        assertEquals("PENDING", open.steps().get(0).status());
    }

    @Test
    @Proves({Duty.GDPR_17, Duty.GDPR_19})
    void stepsShowTheirReceiptsAndTheTombstoneNoLongerNamesTheSubject() {
        ErasureRequest request = request();
        request.erased(Instant.parse("2026-02-01T09:00:00Z"), "{escalation=1}", "data key destroyed", "d-1", "queued to crm");
        assertNull(request.subjectId());
        ErasureView waiting = ErasureView.of(request, at("2026-02-02T09:00:00Z"), Map.of());
        assertEquals("AWAITING_CRM", waiting.status());
        assertEquals("DONE", waiting.steps().get(0).status());
        assertEquals("{escalation=1}", waiting.steps().get(0).receipt());
        assertEquals("WAITING", waiting.steps().get(2).status());
        request.crmAnswered(new Receipt("DELIVERED", Instant.parse("2026-02-03T09:00:00Z"), "HTTP 204"), Instant.parse("2026-02-03T09:00:01Z"));
        Map<String, Receipt> each = new LinkedHashMap<>();
        each.put("hubspot", new Receipt("DELIVERED", Instant.parse("2026-02-03T09:00:00Z"), "hubspot gdpr-delete"));
        each.put("webhook", new Receipt("DELIVERED", Instant.parse("2026-02-02T10:00:00Z"), "HTTP 204"));
        ErasureView done = ErasureView.of(request, at("2026-05-01T00:00:00Z"), each);
        assertEquals(List.of("hubspot DELIVERED 2026-02-03T09:00:00Z hubspot gdpr-delete",
                        "webhook DELIVERED 2026-02-02T10:00:00Z HTTP 204"),
                done.recipients().stream().map(r -> r.recipient() + " " + r.status() + " " + r.at() + " " + r.detail()).toList(),
                "one receipt per recipient (Art. 19)");
        assertEquals("COMPLETED", done.status());
        assertEquals("DONE", done.steps().get(2).status());
        assertTrue(done.steps().get(2).receipt().contains("DELIVERED at 2026-02-03T09:00:00Z: HTTP 204"), done.steps().get(2)::receipt);
        assertFalse(done.overdue(), "completed in time stays in time");
    }

    @Test
    @Proves(Duty.GDPR_17)
    void withoutACrmTheLocalErasureCompletesTheRequest() {
        ErasureRequest request = request();
        request.erased(Instant.parse("2026-02-01T09:00:00Z"), "{}", "no data key existed", null, "no recipient");
        assertEquals(ErasureRequest.Status.COMPLETED, request.status());
        assertEquals("no recipient", ErasureView.of(request, at("2026-02-01T10:00:00Z"), Map.of()).steps().get(2).receipt());
    }
}
