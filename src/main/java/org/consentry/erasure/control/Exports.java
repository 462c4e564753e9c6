package org.consentry.erasure.control;

import static org.consentry.platform.entity.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.retention.control.LegalHolds;
import org.consentry.retention.entity.LegalHold;

/**
 * The subject's copy of their data (GDPR Art. 15, and Art. 20's machine-readable form): every
 * component's part, personal fields opened (each opening audited as the purpose {@code subject-rights}),
 * and the export itself audited with the sections it held.
 */
@ApplicationScoped
public class Exports {

    public static final String PURPOSE = "subject-rights";

    @Inject
    @Any
    Instance<SubjectData> parts;

    @Inject
    LegalHolds holds;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public JsonObject export(String subjectId) {
        JsonObjectBuilder export = JSON.createObjectBuilder()
                .add("subjectId", subjectId)
                .add("exportedAt", clock.instant().toString())
                .add("format", "consentry-export/1");
        List<SubjectData> ordered = new ArrayList<>();
        parts.forEach(ordered::add);
        ordered.sort(Comparator.comparing(SubjectData::section));
        List<String> sections = new ArrayList<>();
        for (SubjectData part : ordered) {
            export.add(part.section(), part.export(subjectId));
            sections.add(part.section());
        }
        JsonArrayBuilder legalHolds = JSON.createArrayBuilder();
        for (LegalHold hold : holds.of(subjectId)) {
            JsonObjectBuilder h = JSON.createObjectBuilder().add("live", hold.isLive()).add("heldAt", hold.heldAt().toString());
            if (hold.releasedAt() != null) {
                h.add("releasedAt", hold.releasedAt().toString());
            }
            legalHolds.add(h);
        }
        export.add("legalHolds", legalHolds);
        audit.record(new AuditEntry("subject.export", PURPOSE, subjectId, null, Outcome.DONE, "sections " + sections));
        return export.build();
    }
}
