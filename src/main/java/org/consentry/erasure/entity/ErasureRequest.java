package org.consentry.erasure.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * An erasure request (GDPR Art. 17) and its steps. PENDING until the local erasure (every row, the
 * data key, the notice to the CRM queued) commits as one transaction; then AWAITING_CRM until the CRM
 * acknowledges; then COMPLETED. From the local erasure on, the request names the subject only by its
 * keyed reference: it is the tombstone. Servers that pick up the same request meet at its row lock;
 * the one that comes second finds it no longer PENDING.
 */
@Entity
@Table(name = "erasure_request")
@NamedQuery(name = ErasureRequest.OPEN_FOR, query = "SELECT r FROM ErasureRequest r WHERE r.subjectId = :subjectId"
        + " AND r.status = org.consentry.erasure.entity.ErasureRequest.Status.PENDING")
@NamedQuery(name = ErasureRequest.BY_STATUS, query = "SELECT r FROM ErasureRequest r WHERE r.status = :status"
        + " ORDER BY r.requestedAt")
@NamedQuery(name = ErasureRequest.RECENT, query = "SELECT r FROM ErasureRequest r ORDER BY r.requestedAt DESC")
public class ErasureRequest {

    public static final String OPEN_FOR = "ErasureRequest.openFor";
    public static final String BY_STATUS = "ErasureRequest.byStatus";
    public static final String RECENT = "ErasureRequest.recent";

    public enum Status { PENDING, AWAITING_CRM, COMPLETED }

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "subject_id", length = 128)
    private String subjectId;

    @Column(name = "subject_ref", nullable = false, length = 64)
    private String subjectRef;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "requested_by", nullable = false, length = 128)
    private String requestedBy;

    @Column(name = "deadline_at", nullable = false)
    private Instant deadlineAt;

    @Column(name = "erased_at")
    private Instant erasedAt;

    @Column(name = "rows_receipt", length = 1000)
    private String rowsReceipt;

    @Column(name = "key_receipt", length = 300)
    private String keyReceipt;

    @Column(name = "crm_delivery_id", length = 36)
    private String crmDeliveryId;

    @Column(name = "crm_receipt", length = 300)
    private String crmReceipt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error", length = 300)
    private String lastError;

    protected ErasureRequest() {
    }

    public ErasureRequest(String subjectId, String subjectRef, String by, Instant now, Period deadline) {
        this.id = UUID.randomUUID().toString();
        this.subjectId = subjectId;
        this.subjectRef = subjectRef;
        this.requestedBy = by;
        this.requestedAt = millis(now);
        this.deadlineAt = millis(now.atOffset(ZoneOffset.UTC).plus(deadline).toInstant());
        this.status = Status.PENDING;
    }

    /** The local erasure committed: the subject's id goes, the receipts stay. */
    public void erased(Instant at, String rows, String key, String crmDelivery, String crmNote) {
        this.erasedAt = millis(at);
        this.rowsReceipt = bounded(rows, 1000);
        this.keyReceipt = bounded(key, 300);
        this.crmDeliveryId = crmDelivery;
        this.crmReceipt = bounded(crmNote, 300);
        this.subjectId = null;
        this.lastError = null;
        this.status = crmDelivery == null ? Status.COMPLETED : Status.AWAITING_CRM;
        if (crmDelivery == null) {
            this.completedAt = millis(at);
        }
    }

    /** The CRM's answer to the erasure notice; completed when it was delivered. */
    public void crmAnswered(Receipt receipt, Instant now) {
        this.crmReceipt = bounded(receipt.status() + (receipt.at() == null ? "" : " at " + receipt.at())
                + (receipt.detail() == null ? "" : ": " + receipt.detail()), 300);
        if (receipt.delivered()) {
            this.status = Status.COMPLETED;
            this.completedAt = millis(now);
        }
    }

    /** An attempt at the local erasure failed (and rolled back): counted, with what failed (no data). */
    public void failed(String what) {
        attempts++;
        lastError = bounded(what, 300);
    }

    private static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    public String id() {
        return id;
    }

    public String subjectId() {
        return subjectId;
    }

    public String subjectRef() {
        return subjectRef;
    }

    public Status status() {
        return status;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant deadlineAt() {
        return deadlineAt;
    }

    public Instant erasedAt() {
        return erasedAt;
    }

    public String rowsReceipt() {
        return rowsReceipt;
    }

    public String keyReceipt() {
        return keyReceipt;
    }

    public String crmDeliveryId() {
        return crmDeliveryId;
    }

    public String crmReceipt() {
        return crmReceipt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public int attempts() {
        return attempts;
    }

    public String lastError() {
        return lastError;
    }
}
