package org.consentry.erasure.control;

import jakarta.json.JsonValue;
import java.util.Map;
import org.consentry.crypto.entity.Access;
import org.consentry.erasure.entity.ContactCorrection;

/**
 * What a component holds on a data subject, for the subject's rights: each component that stores
 * personal data provides one (a CDI bean), so that the rights reach every table without this component
 * knowing them. All methods run in the caller's transaction.
 */
public interface SubjectData {

    /** How an export opens sealed fields: audited as the subject's own request. */
    Access EXPORT = Access.of("subject.export", "subject-rights");

    /** The member of the export this part fills: {@code consents}, {@code escalations}, ... */
    String section();

    /** Art. 15/20: everything held on the subject, personal fields opened (each opening audited). */
    JsonValue export(String subjectId);

    /**
     * Art. 17: removes everything held on the subject, or anonymises what must stay as evidence without
     * the person (a consent's record). Returns the rows per table.
     */
    Map<String, Integer> erase(String subjectId);

    /** Art. 16: corrects the contact fields where this part holds them, re-sealed. Returns the rows changed. */
    default int rectify(String subjectId, ContactCorrection correction) {
        return 0;
    }
}
