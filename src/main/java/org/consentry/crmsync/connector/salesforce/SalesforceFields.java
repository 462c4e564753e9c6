package org.consentry.crmsync.connector.salesforce;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.consentry.crmsync.entity.CrmRecord;

/**
 * What Consentry writes into a Contact (or Lead) and a Case. Clear values go to the standard fields;
 * tokens only to the Consentry_Tokens__c text field (a token is no e-mail address, and Salesforce
 * checks Email); LastName is required, so it holds the clear name's last word, else the name's token,
 * else a placeholder. A Lead also needs Company: the salesforce.lead-company setting.
 */
final class SalesforceFields {

    static final String TOKENS = "Consentry_Tokens__c";
    static final String WITHDRAWN = "Consentry_Consent_Withdrawn__c";
    static final String NO_NAME = "(name not shared)";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private SalesforceFields() {
    }

    static JsonObject person(Map<String, String> contact, String leadCompany) {
        JsonObjectBuilder fields = JSON.createObjectBuilder();
        Map<String, String> tokens = new TreeMap<>();
        String name = contact.get("name");
        if (name == null) {
            fields.add("LastName", NO_NAME);
        } else if (isToken(name)) {
            fields.add("LastName", name);
            tokens.put("name", name);
        } else {
            String trimmed = name.strip();
            int space = trimmed.lastIndexOf(' ');
            if (space > 0) {
                fields.add("FirstName", cut(trimmed.substring(0, space).strip(), 40));
            }
            fields.add("LastName", cut(trimmed.substring(space + 1), 80));
        }
        standard(fields, tokens, "Email", "email", contact.get("email"));
        standard(fields, tokens, "Phone", "phone", contact.get("phone"));
        if (tokens.isEmpty()) {
            fields.add(TOKENS, JsonValue.NULL); // a field the policy no longer tokenises: its old token goes
        } else {
            JsonObjectBuilder json = JSON.createObjectBuilder();
            tokens.forEach(json::add);
            fields.add(TOKENS, json.build().toString());
        }
        if (leadCompany != null) {
            fields.add("Company", leadCompany);
        }
        return fields.build();
    }

    /** A resolved case: Subject and Description from the redacted case, linked to the contact when there is one. */
    static JsonObject resolvedCase(CrmRecord.CrmCase c, String subjectField, String subjectId, String contactId, String status) {
        JsonObjectBuilder fields = JSON.createObjectBuilder()
                .add("Subject", cut("Chat escalation" + (c.reason() == null ? "" : ": " + c.reason()), 255))
                .add("Description", cut(description(c), 32000))
                .add("Status", status)
                .add(subjectField, subjectId);
        if (contactId != null) {
            fields.add("ContactId", contactId);
        }
        return fields.build();
    }

    static String description(CrmRecord.CrmCase c) {
        StringBuilder text = new StringBuilder("Consentry escalation ").append(c.escalationId())
                .append(" (language ").append(c.language()).append(")\nOpened ").append(WHEN.format(c.openedAt()))
                .append(", resolved ").append(WHEN.format(c.resolvedAt()));
        if (c.agent() != null) {
            text.append(" by ").append(c.agent());
        }
        text.append("\nTranscript, personal data redacted:\n");
        for (CrmRecord.Line line : c.transcript()) {
            text.append('[').append(WHEN.format(line.at())).append("] ").append(line.from()).append(" - ")
                    .append(line.text()).append('\n');
        }
        return text.toString();
    }

    private static void standard(JsonObjectBuilder fields, Map<String, String> tokens, String field, String ours, String value) {
        if (value == null) {
            return; // dropped by the policy: left out, Salesforce keeps what it has
        }
        if (isToken(value)) {
            tokens.put(ours, value);
        } else {
            fields.add(field, value);
        }
    }

    private static boolean isToken(String value) {
        return value.startsWith("tok_");
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
