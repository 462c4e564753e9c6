package org.consentry.compliance.entity;

/**
 * A category of a subject's data somewhere an attacker could reach: in the database sealed under the
 * subject's key ({@code sealed}) or in clear, in a server's memory, or sent through the CRM connector
 * ({@code sealed}: only as tokens).
 */
public record Holding(String category, Source source, boolean sealed) {

    public enum Source {
        DATABASE, MEMORY, CRM
    }
}
