package org.consentry.crypto.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consentry.crypto.control.KekRotation;
import org.consentry.crypto.control.KeyHygiene;
import org.consentry.crypto.control.KeyRing;
import org.consentry.crypto.control.KeyVersions;
import org.consentry.crypto.control.SubjectKeyStore;
import org.consentry.crypto.entity.KeyRotation;
import org.consentry.platform.boundary.ProblemAnswer;
import org.consentry.platform.boundary.Success;
import org.consentry.platform.control.Caller;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("keys")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@RolesAllowed("admin")
@Tag(name = "keys", description = "Key-encryption key versions and their rotation (GDPR Art. 32)")
public class KeysResource {

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    KeyRing keyRing;

    @Inject
    SubjectKeyStore store;

    @Inject
    KekRotation rotation;

    @Inject
    KeyVersions versions;

    @Inject
    Caller caller;

    @Context
    UriInfo uri;

    @POST
    @Path("rotation")
    @Transactional
    @Operation(summary = "Rotate the key-encryption key",
            description = "The newest KEK version in the keystore (or, in development, a generated one) becomes primary "
                    + "for new data keys at once; existing data keys are re-wrapped in the background, in batches, and "
                    + "stay readable meanwhile. Follow the progress at the Location.")
    @ProblemAnswer(status = 409, value = "rotation-running: a rotation is re-wrapping data keys; no-new-kek-version: the keystore "
            + "holds no newer KEK version")
    @Success(status = 202, value = "The rotation, started: its progress at Location")
    public Response rotate() {
        KeyRotation started = rotation.start(caller.name());
        return Response.accepted(KeyRotationView.of(started))
                .location(uri.getBaseUriBuilder().path("keys/rotation/{id}").build(started.id())).build();
    }

    @GET
    @Path("rotation/{id}")
    @Transactional
    @Operation(summary = "A rotation's progress")
    public KeyRotationView rotation(@PathParam("id") @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a rotation id") String id) {
        KeyRotation found = em.find(KeyRotation.class, id);
        if (found == null) {
            throw new ProblemException(Problems.NOT_FOUND, "No rotation " + id + ".");
        }
        return KeyRotationView.of(found);
    }

    @GET
    @Path("usage")
    @Transactional
    @Operation(summary = "Encryptions per key, against the AES-GCM bound, with what to do",
            description = "Per KEK version its wraps of data keys, for the subjects' data keys their seals; rotation is "
                    + "advised at consentry.keys.rotation-advised-at (default 2^30) of the 2^32 bound for random nonces. "
                    + "Each server adds its counts every consentry.keys.usage-flush-interval.")
    public KeyHygiene usage() {
        return versions.usage();
    }

    @POST
    @Path("versions/{version}/retirement")
    @Transactional
    @Operation(summary = "Retire a KEK version that no data key needs any more",
            description = "Refused (409) for the primary version, during a rotation, or while any data key is wrapped by "
                    + "it. From then on no server unwraps with it, even from a restored backup. Audited.")
    @ProblemAnswer(status = 409, value = "kek-version-in-use: the version is primary or still wraps data keys; rotation-running")
    public KeyVersions.Retired retire(@PathParam("version") @jakarta.validation.constraints.Min(1)
                                      @jakarta.validation.constraints.Max(1_000_000) int version) {
        return versions.retire(version);
    }

    @GET
    @Transactional
    @Operation(summary = "The KEK versions, the primary one, and how many data keys each wraps")
    public KeysView keys() {
        Map<Integer, Long> byVersion = store.dataKeysByVersion();
        List<KeyRotationView> recent = em.createQuery("SELECT r FROM KeyRotation r ORDER BY r.startedAt DESC",
                KeyRotation.class).setMaxResults(10).getResultList().stream().map(KeyRotationView::of).toList();
        return new KeysView(store.primaryVersion(), new ArrayList<>(keyRing.versions()), byVersion,
                keyRing.usesDevelopmentKeys(), recent);
    }
}
