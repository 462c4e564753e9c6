package org.consentry.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last linked event of the chain; its row lock lets one chainer at a time extend it. */
@Entity
@Table(name = "audit_chain_head")
public class AuditChainHead {

    public static final short SINGLETON = 1;

    @Id
    private short id = SINGLETON;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    protected AuditChainHead() {
    }

    public long lastSeq() {
        return lastSeq;
    }

    public String lastHash() {
        return lastHash;
    }

    public void advance(long seq, String hash) {
        if (seq != lastSeq + 1) {
            throw new IllegalStateException("chain must grow by one: " + lastSeq + " -> " + seq);
        }
        lastSeq = seq;
        lastHash = hash;
    }
}
