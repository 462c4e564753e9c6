package org.consentry.host.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A field of a host application's own table that holds sealed copies of personal data: which host (its
 * identity in Consentry), table and column, for which purpose and of which category, first and last seen
 * in a key request. Names only, never a value.
 */
@Entity
@Table(name = "host_field")
public class HostField {

    @Id
    @Column(length = 300)
    private String id;

    @Column(name = "host_user", nullable = false, length = 128)
    private String host;

    @Column(name = "table_name", nullable = false, length = 64)
    private String table;

    @Column(name = "column_name", nullable = false, length = 64)
    private String column;

    @Column(nullable = false, length = 64)
    private String purpose;

    @Column(nullable = false, length = 32)
    private String category;

    @Column(name = "first_seen", nullable = false)
    private Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    private Instant lastSeen;

    protected HostField() {
    }

    public HostField(String host, String table, String column, String purpose, String category, Instant at) {
        this.id = idOf(host, table, column);
        this.host = host;
        this.table = table;
        this.column = column;
        this.purpose = purpose;
        this.category = category;
        this.firstSeen = at;
        this.lastSeen = at;
    }

    public static String idOf(String host, String table, String column) {
        return host + "|" + table + "|" + column;
    }

    /** Seen again, perhaps now for another purpose or category (the host changed its annotation). */
    public void seen(String purpose, String category, Instant at) {
        this.purpose = purpose;
        this.category = category;
        this.lastSeen = at;
    }

    public String host() {
        return host;
    }

    public String table() {
        return table;
    }

    public String column() {
        return column;
    }

    public String purpose() {
        return purpose;
    }

    public String category() {
        return category;
    }

    public Instant lastSeen() {
        return lastSeen;
    }
}
