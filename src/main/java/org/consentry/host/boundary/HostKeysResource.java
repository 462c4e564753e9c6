package org.consentry.host.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.consentry.audit.control.AuditEntry;
import org.consentry.audit.control.AuditTrail;
import org.consentry.audit.entity.Outcome;
import org.consentry.consent.control.ConsentDecisions;
import org.consentry.consent.control.Purposes;
import org.consentry.consent.entity.Purpose;
import org.consentry.crypto.control.DerivedKeys;
import org.consentry.host.control.HostInventory;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The keys a host application seals and opens its own copies of personal data with (the client jar's
 * {@code @Personal} fields): for each subject a key derived from the subject's data key, so that the
 * subject's erasure here leaves the host's copies unreadable. A key is given only while the purpose's
 * lawful basis holds for the subject, and every key given or withheld is audited (host.key-release) with
 * the purpose, the host's identity and the fields it is for: one request, and one entry per subject, for
 * all the fields and rows of that subject the host opens while it may remember the key
 * (consentry.host.key-ttl, PT60S). Sealing a subject without a data key makes one; opening does not. A
 * field may hold only a category its purpose declares; the fields named are kept as the host's inventory
 * (HostInventory) for the record of processing and breach assessments.
 */
@Path("host-keys")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("host")
@Tag(name = "host", description = "What a host application's client jar asks")
public class HostKeysResource {

    /** The derived use every host's field keys are made for. */
    static final String USE = "host-fields";

    /** A subject's key, base64 (32 bytes, AES-256-GCM). */
    public record SubjectKey(String subjectId, String key) {
    }

    /**
     * The keys given; the subjects refused (the purpose's basis does not hold for them); the subjects
     * without a data key (erased, or never sealed): their sealed values no longer open.
     */
    public record HostKeys(long rememberSeconds, List<SubjectKey> keys, List<String> refused, List<String> erased) {
    }

    @Inject
    Purposes purposes;

    @Inject
    ConsentDecisions decisions;

    @Inject
    DerivedKeys derived;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    @Inject
    HostFieldsSeen inventory;

    @Inject
    @ConfigProperty(name = "consentry.host.key-ttl", defaultValue = "PT60S")
    Duration remember;

    @POST
    @Transactional
    @Operation(summary = "Keys for sealing or opening a host's own copies of subjects' personal data (audited per subject)")
    public HostKeys keys(@NotNull @Valid HostKeyRequest request) {
        Purpose purpose = purposes.get(request.purpose());
        List<HostInventory.Field> named = new ArrayList<>();
        for (HostKeyRequest.Field field : request.fields()) {
            if (!purpose.categories().contains(field.category())) {
                throw new ProblemException(Problems.VALIDATION, "The purpose " + purpose.id() + " holds the categories "
                        + purpose.categories() + ", not " + field.category() + " (field " + field.name() + ").");
            }
            int dot = field.name().indexOf('.');
            named.add(new HostInventory.Field(field.name().substring(0, dot), field.name().substring(dot + 1), field.category()));
        }
        inventory.seen(caller.name(), purpose.id(), named);
        String fields = String.join(", ", new LinkedHashSet<>(request.fields().stream().map(HostKeyRequest.Field::name).toList()));
        List<SubjectKey> given = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> erased = new ArrayList<>();
        for (String subjectId : new LinkedHashSet<>(request.subjectIds())) {
            String detail = "host " + caller.name() + "; to " + request.use() + " " + fields;
            if (purpose.requiresConsent() && !decisions.hasCurrentConsent(subjectId, purpose)) {
                refused.add(subjectId);
                audit.record(new AuditEntry("host.key-release", purpose.id(), subjectId, null, Outcome.DENIED,
                        detail + "; basis " + purpose.basis().name() + " does not hold"));
                continue;
            }
            Optional<byte[]> key = derived.derive(subjectId, USE, request.sealing());
            if (key.isEmpty()) {
                erased.add(subjectId);
                audit.record(new AuditEntry("host.key-release", purpose.id(), subjectId, null, Outcome.FAILED,
                        detail + "; no data key (erased)"));
                continue;
            }
            given.add(new SubjectKey(subjectId, Base64.getEncoder().encodeToString(key.get())));
            java.util.Arrays.fill(key.get(), (byte) 0);
            audit.record(new AuditEntry("host.key-release", purpose.id(), subjectId, null, Outcome.ALLOWED, detail));
        }
        return new HostKeys(remember.toSeconds(), given, refused, erased);
    }
}
