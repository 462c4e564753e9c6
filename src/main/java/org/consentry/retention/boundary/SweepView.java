package org.consentry.retention.boundary;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.consentry.retention.entity.SweepRun;

/** A sweep's report: rows deleted and anonymised, in all and per category (dependent rows included). */
public record SweepView(String id, String status, Instant startedAt, String startedBy, Instant finishedAt,
                        long deleted, long anonymized, Map<String, Counts> byCategory) {

    public record Counts(long deleted, long anonymized) {
    }

    static SweepView of(SweepRun run) {
        Map<String, Counts> byCategory = new LinkedHashMap<>();
        run.counts().forEach((category, c) -> byCategory.put(category, new Counts(c[0], c[1])));
        return new SweepView(run.id(), run.status(), run.startedAt(), run.startedBy(), run.finishedAt(),
                run.deleted(), run.anonymized(), byCategory);
    }
}
