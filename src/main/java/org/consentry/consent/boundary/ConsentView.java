package org.consentry.consent.boundary;

import java.time.Instant;
import org.consentry.consent.entity.ConsentRecord;

/** One consent record as the API shows it. */
public record ConsentView(String subjectId, String purpose, String status, String noticeVersion, String channel,
                          String evidence, Instant grantedAt, String grantedBy, Instant endedAt, String endedBy) {

    static ConsentView of(ConsentRecord r) {
        return new ConsentView(r.subjectId(), r.purpose(), r.status().name(), r.noticeVersion(), r.channel(),
                r.evidence(), r.grantedAt(), r.grantedBy(), r.endedAt(), r.endedBy());
    }
}
