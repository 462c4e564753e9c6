package org.consentry.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.consentry.crypto.entity.SubjectKey;

/**
 * Keys derived from a subject's data key for one named use outside Consentry ({@link DataKeys#derive}):
 * a host application seals its own copies of the subject's data with one, so that destroying the data key
 * (erasure) leaves those copies unreadable too. The KEK and the data key itself never leave Consentry.
 */
@ApplicationScoped
public class DerivedKeys {

    @Inject
    SubjectKeyStore store;

    @Inject
    SubjectKeys keys;

    @Inject
    KeyRing keyRing;

    /**
     * The subject's key for the use; with {@code create}, the subject's data key is made first if it has none.
     * Empty when the subject has no data key (never had one, or it was destroyed) and {@code create} is false.
     */
    public Optional<byte[]> derive(String subjectId, String use, boolean create) {
        Optional<SubjectKey> stored = store.find(subjectId);
        if (stored.isEmpty() && create) {
            keys.forSealing(subjectId);
            stored = store.find(subjectId);
        }
        return stored.map(key -> DataKeys.derive(DataKeys.unwrap(key.wrapped(), keyRing.kek(key.kekVersion()), subjectId),
                use + "|" + subjectId));
    }
}
