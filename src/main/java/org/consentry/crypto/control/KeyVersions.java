package org.consentry.crypto.control;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.consentry.crypto.entity.KekState;
import org.consentry.crypto.entity.KeyOperation;
import org.consentry.platform.control.Jdbc;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.Problems;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The KEK versions' usage and their retirement, in the caller's transaction. */
@Dependent
public class KeyVersions {

    public static final ProblemType IN_USE = new ProblemType("kek-version-in-use", 409,
            "The KEK version is still needed");

    @PersistenceContext(unitName = "consentry")
    EntityManager em;

    @Inject
    KeyRing keyRing;

    @Inject
    SubjectKeyStore store;

    @Inject
    KekRotation rotation;

    @Inject
    KekRetirements retirements;

    @Inject
    Event<KeyOperation> operations;

    /** Once the retirement commits, the key ring destroys the version where its custody can (a token). */
    @Inject
    Event<KekRetirements.Retired> retired;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "consentry.keys.rotation-advised-at", defaultValue = "1073741824")
    long adviseAt;

    /** The version in the answer to a retirement. */
    public record Retired(int version, Instant retiredAt) {
    }

    public KeyHygiene usage() {
        Map<Integer, long[]> counted = new TreeMap<>(); // version -> {encryptions, dataKeys}
        Map<Integer, Instant> retired = new TreeMap<>();
        keyRing.versions().forEach(v -> counted.put(v, new long[2]));
        KeyHygiene.DataKeyUsage dataKeys;
        try {
            var connection = Jdbc.connection(em);
            try (PreparedStatement query = connection.prepareStatement("SELECT version, encryptions, retired_at FROM kek_version");
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counted.computeIfAbsent(rows.getInt(1), v -> new long[2])[0] = rows.getLong(2);
                    Instant at = Jdbc.instant(rows.getTimestamp(3));
                    if (at != null) {
                        retired.put(rows.getInt(1), at);
                    }
                }
            }
            try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(encryptions), 0),"
                    + " COALESCE(MAX(encryptions), 0), COALESCE(SUM(CASE WHEN encryptions >= ? THEN 1 ELSE 0 END), 0) FROM subject_key")) {
                query.setLong(1, adviseAt);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    dataKeys = new KeyHygiene.DataKeyUsage(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("key usage unreadable: " + e.getSQLState(), e);
        }
        store.dataKeysByVersion().forEach((v, n) -> counted.computeIfAbsent(v, k -> new long[2])[1] = n);
        List<KeyHygiene.Counted> versions = new ArrayList<>();
        var inKeystore = keyRing.versions();
        counted.forEach((v, n) -> versions.add(new KeyHygiene.Counted(v, inKeystore.contains(v), retired.get(v), n[0], n[1])));
        return KeyHygiene.assess(adviseAt, store.primaryVersion(), versions, dataKeys);
    }

    /**
     * Retires a version that nothing needs: not the primary, no rotation running, no data key wrapped by it.
     * Retiring it again answers the same.
     */
    public Retired retire(int version) {
        KekState state = store.lockState(); // no rotation starts meanwhile
        var already = retirements.retiredAt(version);
        if (already.isPresent()) {
            return new Retired(version, already.get());
        }
        if (!keyRing.versions().contains(version)) {
            throw new ProblemException(Problems.NOT_FOUND, "No KEK version " + version + " in the keystore.");
        }
        if (version == state.primaryVersion()) {
            throw new ProblemException(IN_USE, "KEK version " + version + " is primary: rotate to a newer version first.")
                    .with("version", version);
        }
        if (!rotation.running().isEmpty()) {
            throw new ProblemException(KekRotation.ROTATION_RUNNING, "A rotation is re-wrapping data keys; retire after it.")
                    .with("rotationId", rotation.running().get(0).id());
        }
        long wrapped = em.createQuery("SELECT COUNT(k) FROM SubjectKey k WHERE k.kekVersion = :version", Long.class)
                .setParameter("version", version).getSingleResult();
        if (wrapped > 0) {
            throw new ProblemException(IN_USE, "KEK version " + version + " still wraps " + wrapped
                    + " data keys: rotate first.").with("version", version).with("dataKeys", wrapped);
        }
        Instant at = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        retirements.retire(version, at);
        operations.fire(new KeyOperation("key.retirement", true, "KEK version " + version + " retired", null));
        retired.fire(new KekRetirements.Retired(version));
        return new Retired(version, at);
    }
}
