package org.consentry.crmsync.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.consentry.crmsync.entity.FieldRule;

/**
 * What a CRM delivery lets out of the subject's data, by its kind and recipient: the published read for
 * those who assess exposure (a breach assessment), so that none reads crmsync's insides. A recipient no
 * longer configured counts as having got everything in clear.
 */
@Dependent
public class CrmDisclosures {

    /** The kinds of delivery that carry personal data. */
    public static final List<String> KINDS = List.of(CrmRecords.CONTACT, CrmRecords.CASE);

    /** A category of personal data a delivery let out (contact, activity, transcript), and whether only as tokens. */
    public record Disclosure(String category, boolean tokensOnly) {
    }

    @Inject
    Recipients recipients;

    /** What a delivery of {@code kind} to {@code recipientId} let out, as the recipient's field policy says. */
    public List<Disclosure> of(String kind, String recipientId) {
        List<Disclosure> out = new ArrayList<>();
        add(out, recipientId, "contact", "contact.name", "contact.email", "contact.phone");
        if (CrmRecords.CASE.equals(kind)) {
            add(out, recipientId, "activity", "case.reason", "case.agent");
            add(out, recipientId, "transcript", "case.transcript");
        }
        return out;
    }

    private void add(List<Disclosure> out, String recipientId, String category, String... policyFields) {
        boolean clear = false;
        boolean token = false;
        for (String field : policyFields) {
            FieldRule rule = recipients.get(recipientId).map(r -> r.rule(field)).orElse(FieldRule.CLEAR);
            clear |= rule == FieldRule.CLEAR;
            token |= rule == FieldRule.TOKEN;
        }
        if (clear || token) {
            out.add(new Disclosure(category, !clear));
        }
    }
}
