package org.consentry.retention.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One retention sweep and how far it came. Every batch adds its counts in the transaction that
 * deletes its rows, so the counts are exact however often the sweep is stopped and resumed.
 */
@Entity
@Table(name = "sweep_run")
@NamedQuery(name = SweepRun.UNFINISHED, query = "SELECT r FROM SweepRun r WHERE r.status = 'RUNNING' ORDER BY r.startedAt")
@NamedQuery(name = SweepRun.RECENT, query = "SELECT r FROM SweepRun r ORDER BY r.startedAt DESC")
public class SweepRun {

    public static final String UNFINISHED = "SweepRun.unfinished";
    public static final String RECENT = "SweepRun.recent";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "started_by", nullable = false, length = 128)
    private String startedBy;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(nullable = false, length = 12)
    private String status;

    @Column(nullable = false)
    private long deleted;

    @Column(nullable = false)
    private long anonymized;

    /** {"transcript":{"deleted":3,"anonymized":0},...} */
    @Column(name = "by_category", nullable = false, length = 1000)
    private String byCategory;

    protected SweepRun() {
    }

    public SweepRun(String startedBy, Instant at) {
        this.id = UUID.randomUUID().toString();
        this.startedBy = startedBy;
        this.startedAt = at.truncatedTo(ChronoUnit.MILLIS);
        this.status = "RUNNING";
        this.byCategory = "{}";
    }

    public void add(String category, RetentionAction action, long rows) {
        if (rows == 0) {
            return;
        }
        Map<String, long[]> counts = counts();
        long[] c = counts.computeIfAbsent(category, k -> new long[2]);
        if (action == RetentionAction.DELETE) {
            c[0] += rows;
            deleted += rows;
        } else {
            c[1] += rows;
            anonymized += rows;
        }
        StringBuilder json = new StringBuilder("{");
        counts.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k)
                .append("\":{\"deleted\":").append(v[0]).append(",\"anonymized\":").append(v[1]).append('}'));
        byCategory = json.append('}').toString();
    }

    public void finish(Instant at) {
        status = "DONE";
        finishedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** Counts per category: [deleted, anonymized]. */
    public Map<String, long[]> counts() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        try (var reader = org.consentry.platform.entity.JsonProviders.JSON.createReader(new StringReader(byCategory))) {
            reader.readObject().forEach((category, value) -> {
                var o = value.asJsonObject();
                counts.put(category, new long[] {o.getJsonNumber("deleted").longValue(), o.getJsonNumber("anonymized").longValue()});
            });
        }
        return counts;
    }

    public String id() {
        return id;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public String startedBy() {
        return startedBy;
    }

    public Instant finishedAt() {
        return finishedAt;
    }

    public boolean isRunning() {
        return "RUNNING".equals(status);
    }

    public String status() {
        return status;
    }

    public long deleted() {
        return deleted;
    }

    public long anonymized() {
        return anonymized;
    }

    /** The counts per category as JSON: {"transcript":{"deleted":3,"anonymized":0}}. */
    public String byCategory() {
        return byCategory;
    }
}
