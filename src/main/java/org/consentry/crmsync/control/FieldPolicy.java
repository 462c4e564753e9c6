package org.consentry.crmsync.control;

import java.util.List;

/**
 * The fields a CRM delivery may carry and the keys that say how each leaves: clear, token or drop, per
 * recipient ({@code consentry.crm.recipient.<id>.fields.<field>}) or for all of them
 * ({@code consentry.purposes.crm-sync.fields.<field>}). A field that is not configured is dropped
 * (minimisation by default). Card numbers and national ids never leave in clear whatever the policy
 * says (see {@link CrmRecords}).
 */
public final class FieldPolicy {

    public static final List<String> FIELDS = List.of("contact.name", "contact.email", "contact.phone",
            "case.reason", "case.agent", "case.transcript");
    static final String PREFIX = "consentry.purposes.crm-sync.fields.";

    private FieldPolicy() {
    }
}
