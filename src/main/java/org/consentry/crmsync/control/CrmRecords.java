package org.consentry.crmsync.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.consentry.audit.control.SubjectRefs;
import org.consentry.consent.entity.ConsentRecord;
import org.consentry.crmsync.entity.CrmContact;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.crmsync.entity.FieldRule;
import org.consentry.crypto.control.FieldSealer;
import org.consentry.crypto.entity.Access;
import org.consentry.erasure.entity.ErasureRequest;
import org.consentry.escalation.control.EscalationRecords;
import org.consentry.outbox.entity.OutboxEntry;
import org.consentry.redaction.control.PiiScanner;
import org.consentry.redaction.control.RedactionPolicy;
import org.consentry.redaction.control.Redactor;
import org.consentry.redaction.entity.Operator;
import org.consentry.redaction.entity.PiiType;

/**
 * Builds what a CRM delivery carries, when it is sent: the referenced contact or escalation opened
 * (audited as the purpose crm-sync), each field as the recipient's policy says, the case's transcript
 * redacted; a consent change as purpose, granted or withdrawn, and when.
 * Card numbers, IBANs, PESEL and NIP never leave in clear: whatever a clear field contains of them
 * is masked on the way out.
 */
@Dependent
public class CrmRecords {

    public static final String CONTACT = "crm.contact";
    public static final String CASE = "crm.case";
    public static final String ERASE = "crm.erase";
    public static final String CONSENT = "crm.consent";
    public static final String ERASURE_COMPLETED = "crm.erasure-completed";
    static final String PURPOSE = "crm-sync";
    private static final RedactionPolicy MASK_ALL = RedactionPolicy.everything(Operator.MASK);
    /** Everything the scanner finds. */
    private static final Redactor EVERYTHING = new Redactor(PiiScanner.standard());
    /** Only payment data and national ids: a clear field keeps everything else. */
    private static final Redactor NEVER_IN_CLEAR = new Redactor(new PiiScanner("PL",
            EnumSet.of(PiiType.CARD, PiiType.IBAN, PiiType.PESEL, PiiType.NIP, PiiType.REGON, PiiType.EU_VAT)));

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    FieldSealer sealer;

    @Inject
    SubjectRefs refs;

    @Inject
    CrmTokens tokens;

    @Inject
    EscalationRecords escalations;

    /** The reference of a consent change's delivery: the consent record and whether it was granted or withdrawn. */
    public static String consentReference(long recordId, boolean granted) {
        return recordId + (granted ? ":granted" : ":withdrawn");
    }

    /**
     * The record to send to {@code to}, minimised as its field policy says, or empty when what it refers
     * to is gone (erased).
     */
    public Optional<CrmRecord> build(OutboxEntry entry, RecipientSettings to) {
        Access access = Access.of("crm.sync", PURPOSE);
        String ref = entry.subjectId() == null ? null : refs.of(entry.subjectId());
        switch (entry.kind()) {
            case CONTACT -> {
                CrmContact contact = em.find(CrmContact.class, entry.reference());
                if (contact == null) {
                    return Optional.empty();
                }
                Map<String, String> fields = sealer.open(contact, access, "name", "email", "phone");
                return Optional.of(new CrmRecord(CrmRecord.Type.CONTACT, entry.id(), entry.subjectId(), ref,
                        contact(to, entry.subjectId(), fields.get("name"), fields.get("email"), fields.get("phone")), null, null,
                        null, contact.capturedAt()));
            }
            case CASE -> {
                Optional<EscalationRecords.Case> found = escalations.of(entry.reference(), access);
                if (found.isEmpty()) {
                    return Optional.empty();
                }
                EscalationRecords.Case e = found.get();
                List<CrmRecord.Line> transcript = new ArrayList<>();
                if (to.rule("case.transcript") == FieldRule.CLEAR) {
                    for (EscalationRecords.Line line : e.transcript()) {
                        // customers' lines are stored redacted already; agents' as written: mask them now
                        transcript.add(new CrmRecord.Line(line.from(), line.at(),
                                redact(line.fromAgent() ? EVERYTHING : NEVER_IN_CLEAR, line.text())));
                    }
                }
                CrmRecord.CrmCase crmCase = new CrmRecord.CrmCase(e.id(), e.conversationId(), e.language(),
                        field(to, e.subjectId(), "case.reason", e.reason()),
                        field(to, e.subjectId(), "case.agent", e.agent()),
                        e.createdAt(), e.resolvedAt(), transcript);
                return Optional.of(new CrmRecord(CrmRecord.Type.CASE, entry.id(), entry.subjectId(), ref,
                        contact(to, entry.subjectId(), e.customerName(), e.customerEmail(), e.customerPhone()),
                        crmCase, null, null, e.resolvedAt()));
            }
            case ERASE -> {
                return Optional.of(new CrmRecord(CrmRecord.Type.ERASE, entry.id(), entry.subjectId(), ref, Map.of(), null,
                        entry.reference(), null, entry.createdAt()));
            }
            case CONSENT -> {
                String[] parts = entry.reference().split(":", 2);
                ConsentRecord consent = em.find(ConsentRecord.class, Long.valueOf(parts[0]));
                if (consent == null || entry.subjectId() == null) {
                    return Optional.empty();
                }
                boolean granted = parts[1].equals("granted");
                Instant at = granted || consent.endedAt() == null ? consent.grantedAt() : consent.endedAt();
                return Optional.of(new CrmRecord(CrmRecord.Type.CONSENT, entry.id(), entry.subjectId(), ref, Map.of(), null,
                        null, new CrmRecord.Consent(consent.purpose(), granted, at), at));
            }
            case ERASURE_COMPLETED -> {
                ErasureRequest request = em.find(ErasureRequest.class, entry.reference());
                if (request == null) {
                    return Optional.empty();
                }
                return Optional.of(new CrmRecord(CrmRecord.Type.ERASURE_COMPLETED, entry.id(), null, request.subjectRef(),
                        Map.of(), null, request.id(), null, request.completedAt()));
            }
            default -> throw new IllegalArgumentException("not a CRM delivery: " + entry.kind());
        }
    }

    private Map<String, String> contact(RecipientSettings to, String subjectId, String name, String email, String phone) {
        Map<String, String> contact = new LinkedHashMap<>();
        put(contact, "name", field(to, subjectId, "contact.name", name));
        put(contact, "email", field(to, subjectId, "contact.email", email));
        put(contact, "phone", field(to, subjectId, "contact.phone", phone));
        return contact;
    }

    /** The value as the policy lets it leave: in clear (minus card and national ids), as a token, or not at all. */
    String field(RecipientSettings to, String subjectId, String field, String value) {
        if (value == null) {
            return null;
        }
        return switch (to.rule(field)) {
            case CLEAR -> redact(NEVER_IN_CLEAR, value);
            case TOKEN -> tokens.token(subjectId, field, value);
            case DROP -> null;
        };
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String redact(Redactor redactor, String text) {
        return redactor.newTranscript(MASK_ALL, null).redact(text).text();
    }
}
