package org.consentry.compliance.entity;

/**
 * What an attacker obtained. DATABASE_DUMP: a copy of the database (ciphertext, wrapped keys, clear
 * metadata). SERVER_MEMORY: one server's memory (the KEKs, unwrapped data keys and the values it
 * processed in clear). KEK_VERSION: one key-encryption key. CRM_CONNECTOR: the connector to the CRM
 * (its secret, or what passed through it).
 */
public record Compromise(Kind kind, Integer version, String server) {

    public enum Kind {
        DATABASE_DUMP, SERVER_MEMORY, KEK_VERSION, CRM_CONNECTOR
    }
}
