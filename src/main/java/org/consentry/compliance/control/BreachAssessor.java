package org.consentry.compliance.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.compliance.entity.Compromise;
import org.consentry.host.control.HostInventory;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a breach assessment (GDPR Art. 33/34) from what the database holds and what the audit trail
 * says was processed, with the reasoning of {@link Exposure}; records the assessment in the audit trail
 * with counts only.
 */
@Dependent
public class BreachAssessor {

    static final Duration ART_33_DEADLINE = Duration.ofHours(72);

    @Inject
    BreachHoldings holdings;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    HostInventory hosts;

    // Art. 34 asks to tell subjects of a high risk: their contact data or chat in clear; metadata alone
    // (when they chatted, what was sent where) counts for the authority (Art. 33), not for the subjects
    @Inject
    @ConfigProperty(name = "consentry.breach.high-risk-categories", defaultValue = "contact,transcript")
    List<String> highRisk;

    public record CategoryCount(String category, long subjects, long intelligible) {
    }

    public record SubjectExposure(String subjectId, boolean notifySubject, List<Exposure.Category> categories) {
    }

    public record Assessment(String assessmentId, Instant from, Instant to, Instant discoveredAt, Instant notifyAuthorityBy,
                             boolean deadlinePassed, List<Compromise> compromised, long subjectsExposed,
                             long subjectsIntelligible, long subjectsUnintelligibleOnly, long subjectsToNotify,
                             List<String> highRiskCategories, List<CategoryCount> categories,
                             List<SubjectExposure> subjects, boolean truncated, long erasedSubjects,
                             boolean notifyAuthority, boolean notifySubjects, List<String> reasoning,
                             List<String> recommendations, List<HostCopy> hostCopies) {
    }

    /**
     * A host application's field of sealed copies (its client jar's @Personal fields): sealed under keys
     * derived from the subjects' data keys, so the same compromised keys open them wherever the host's table is read.
     */
    public record HostCopy(String host, String table, String column, String category, String purpose) {
    }

    public Assessment assess(Instant from, Instant to, Instant discoveredAt, List<Compromise> compromised, int limit,
                             List<String> only) {
        Instant now = clock.instant();
        Instant discovered = discoveredAt == null ? now : discoveredAt;
        check(from, to, discovered, now, compromised);

        BreachHoldings.Found found = holdings.during(from, to);
        List<SubjectExposure> listed = new ArrayList<>();
        long exposedCount = 0;
        Map<String, long[]> byCategory = new TreeMap<>();
        long intelligible = 0;
        long toNotify = 0;
        for (var entry : found.subjects().entrySet()) {
            List<Exposure.Category> categories = Exposure.of(entry.getValue().holdings(), entry.getValue().keyVersions(), compromised);
            if (categories.isEmpty()) {
                continue;
            }
            intelligible += categories.stream().anyMatch(c -> !c.unintelligible()) ? 1 : 0;
            boolean notify = categories.stream().anyMatch(c -> !c.unintelligible() && highRisk.contains(c.category()));
            toNotify += notify ? 1 : 0;
            for (Exposure.Category c : categories) {
                long[] n = byCategory.computeIfAbsent(c.category(), k -> new long[2]);
                n[0]++;
                n[1] += c.unintelligible() ? 0 : 1;
            }
            if (only == null || only.contains(entry.getKey())) {
                listed.add(new SubjectExposure(entry.getKey(), notify, categories));
            }
            exposedCount++;
        }
        boolean keysKnown = compromised.stream().anyMatch(c -> c.kind() == Compromise.Kind.KEK_VERSION
                || c.kind() == Compromise.Kind.SERVER_MEMORY);
        boolean dump = compromised.stream().anyMatch(c -> c.kind() == Compromise.Kind.DATABASE_DUMP);
        long erased = dump ? found.erasedSince() : 0;
        boolean notifyAuthority = intelligible > 0 || (erased > 0 && keysKnown);
        List<HostCopy> hostCopies = keysKnown ? hosts.all().stream()
                .map(f -> new HostCopy(f.host(), f.table(), f.column(), f.category(), f.purpose())).toList() : List.of();
        List<String> why = new ArrayList<>(reasoning(exposedCount, intelligible, toNotify, erased, keysKnown));
        List<String> todo = new ArrayList<>(recommendations(compromised));
        if (!hostCopies.isEmpty()) {
            why.add("Host applications keep copies sealed under keys derived from the subjects' data keys ("
                    + hostCopies.stream().map(h -> h.host() + ": " + h.table() + "." + h.column()).distinct().toList()
                    + "): with the compromised keys they are as readable as Consentry's own, to whoever reaches those tables.");
            todo.add("Tell the owners of the host applications in hostCopies; assess who could reach their databases in the window.");
        }
        Instant deadline = discovered.plus(ART_33_DEADLINE);
        Assessment assessment = new Assessment(UUID.randomUUID().toString(), from, to, discovered, deadline, now.isAfter(deadline),
                List.copyOf(compromised), exposedCount, intelligible, exposedCount - intelligible, toNotify, List.copyOf(highRisk),
                byCategory.entrySet().stream().map(e -> new CategoryCount(e.getKey(), e.getValue()[0], e.getValue()[1])).toList(),
                List.copyOf(listed.subList(0, Math.min(limit, listed.size()))), listed.size() > limit, erased,
                notifyAuthority, toNotify > 0, List.copyOf(why), List.copyOf(todo), hostCopies);
        audit.record(new AuditEntry("breach.assessment", null, null, null, Outcome.DONE, "assessment "
                + assessment.assessmentId() + "; window " + from + " to " + to + "; compromised "
                + compromised.stream().map(c -> c.kind().name() + (c.version() == null ? "" : " " + c.version())).toList()
                + "; subjects exposed " + exposedCount + ", intelligible " + intelligible + ", to notify " + toNotify
                + ", erased since " + erased));
        return assessment;
    }

    private static void check(Instant from, Instant to, Instant discovered, Instant now, List<Compromise> compromised) {
        if (!from.isBefore(to)) {
            throw invalid("from", "from must be before to.");
        }
        if (discovered.isBefore(from) || discovered.isAfter(now.plusSeconds(60))) {
            throw invalid("discoveredAt", "discoveredAt must lie between from and now.");
        }
        for (int i = 0; i < compromised.size(); i++) {
            Compromise c = compromised.get(i);
            if ((c.kind() == Compromise.Kind.KEK_VERSION) != (c.version() != null)) {
                throw invalid("compromised[" + i + "].version", "version is given with KEK_VERSION, and only with it.");
            }
        }
    }

    private static ProblemException invalid(String field, String detail) {
        return new ProblemException(Problems.VALIDATION, detail).with("field", field);
    }

    private static List<String> reasoning(long exposed, long intelligible, long toNotify, long erased, boolean keysKnown) {
        List<String> why = new ArrayList<>();
        if (exposed == 0) {
            why.add("No subject's data was reachable with what was compromised.");
        } else if (intelligible == 0) {
            why.add("Every exposed value was sealed under keys not compromised or left only as tokens: unintelligible to the "
                    + "attacker (Art. 34(3)(a)); notifying the subjects is not required. Document the assessment (Art. 33(5)).");
        } else {
            why.add(intelligible + " subjects had data exposed in an intelligible form: notify the supervisory authority "
                    + "(Art. 33(1)) unless the breach is unlikely to result in a risk to them.");
            why.add(toNotify == 0 ? "No contact data or chat was exposed in clear: only metadata; notifying the subjects is "
                    + "not required unless the DPO judges the risk high." : toNotify + " subjects had contact data or chat "
                    + "exposed in clear: notify them without undue delay (Art. 34(1)).");
        }
        if (erased > 0) {
            why.add(erased + " subjects erased since the window began cannot be listed; a copy taken then holds their "
                    + "ciphertext and wrapped data keys, " + (keysKnown ? "which the compromised keys open."
                    : "unreadable without the key-encryption key."));
        }
        return why;
    }

    private static List<String> recommendations(List<Compromise> compromised) {
        List<String> todo = new ArrayList<>();
        for (Compromise c : compromised) {
            switch (c.kind()) {
                case SERVER_MEMORY, KEK_VERSION -> todo.add("Add a new KEK version to every keystore, rotate (POST "
                        + "/api/v1/keys/rotation), then retire the compromised version(s) (POST /api/v1/keys/versions/{v}/retirement).");
                case CRM_CONNECTOR -> todo.add("Replace consentry.crm.secret and the CRM credentials; review the CRM's own log.");
                case DATABASE_DUMP -> todo.add("Check that the keystore and its password were not reachable from where the dump was.");
            }
        }
        return todo.stream().distinct().toList();
    }
}
