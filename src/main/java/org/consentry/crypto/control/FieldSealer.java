package org.consentry.crypto.control;

import com.google.crypto.tink.Aead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentry.crypto.entity.Access;
import org.consentry.crypto.entity.DataSubject;
import org.consentry.crypto.entity.FieldAddress;
import org.consentry.crypto.entity.FieldsOpened;
import org.consentry.crypto.entity.Sealed;

/**
 * Seals personal values under their subject's data key and opens them again. Sealing is silent;
 * every opening, successful or not, is announced ({@link FieldsOpened}) and recorded in the audit
 * before any clear text is returned.
 */
@ApplicationScoped
public class FieldSealer {

    @Inject
    SubjectKeys keys;

    @Inject
    Event<FieldsOpened> opened;

    @Inject
    KeyUsage usage;

    /** Seals the entity's pending personal values (called by the SealingListener). */
    public void sealPending(Object entity) {
        SealedFields meta = SealedFields.of(entity.getClass());
        List<String> pending = meta.pending(entity);
        if (pending.isEmpty()) {
            return;
        }
        Aead key = keys.forSealing(((DataSubject) entity).subjectId());
        for (String field : pending) {
            byte[] ciphertext = FieldCipher.seal(key, meta.address(entity, field), meta.value(entity, field).pendingBytes());
            meta.set(entity, field, Sealed.stored(ciphertext));
        }
        usage.sealed(((DataSubject) entity).subjectId(), pending.size());
    }

    /** Sets a new personal value on a stored entity, sealed at once (Art. 16 rectification, say). */
    public void replace(Object entity, String field, String value) {
        SealedFields meta = SealedFields.of(entity.getClass());
        if (value == null) {
            meta.set(entity, field, null);
            return;
        }
        Aead key = keys.forSealing(((DataSubject) entity).subjectId());
        byte[] ciphertext = FieldCipher.seal(key, meta.address(entity, field), value.getBytes(StandardCharsets.UTF_8));
        meta.set(entity, field, Sealed.stored(ciphertext));
        usage.sealed(((DataSubject) entity).subjectId(), 1);
    }

    /** Whether the entity holds a value in the field: an absent value is no opening and is not recorded. */
    public boolean holds(Object entity, String field) {
        return SealedFields.of(entity.getClass()).value(entity, field) != null;
    }

    /** Opens one personal value of an entity, recorded with the access. */
    public String open(Object entity, String field, Access access) {
        return open(entity, access, field).get(field);
    }

    /** Opens several values of one entity, recorded once with the access. Absent values come back null. */
    public Map<String, String> open(Object entity, Access access, String... fields) {
        SealedFields meta = SealedFields.of(entity.getClass());
        String subjectId = ((DataSubject) entity).subjectId();
        Map<String, String> clear = new LinkedHashMap<>();
        try {
            Aead key = null;
            for (String field : fields) {
                Sealed value = meta.value(entity, field);
                if (value == null) {
                    clear.put(field, null);
                    continue;
                }
                key = key != null ? key : keys.forOpening(subjectId);
                byte[] plain = FieldCipher.open(key, meta.address(entity, field), value.ciphertext());
                clear.put(field, new String(plain, StandardCharsets.UTF_8));
            }
        } catch (RuntimeException failure) {
            opened.fire(new FieldsOpened(subjectId, meta.table, meta.rowId(entity), List.of(fields), access, false));
            throw failure;
        }
        opened.fire(new FieldsOpened(subjectId, meta.table, meta.rowId(entity), List.of(fields), access, true));
        return clear;
    }

    /**
     * Opens the same field of several entities of one subject (a transcript's messages), recorded once.
     */
    public List<String> openEach(List<? extends DataSubject> entities, String field, Access access) {
        if (entities.isEmpty()) {
            return List.of();
        }
        SealedFields meta = SealedFields.of(entities.get(0).getClass());
        String subjectId = entities.get(0).subjectId();
        String rows = entities.size() == 1 ? meta.rowId(entities.get(0)) : entities.size() + " rows";
        java.util.ArrayList<String> clear = new java.util.ArrayList<>(entities.size());
        try {
            Aead key = keys.forOpening(subjectId);
            for (DataSubject entity : entities) {
                if (!entity.subjectId().equals(subjectId)) {
                    throw new IllegalArgumentException("openEach takes the entities of one subject");
                }
                Sealed value = meta.value(entity, field);
                clear.add(value == null ? null
                        : new String(FieldCipher.open(key, meta.address(entity, field), value.ciphertext()), StandardCharsets.UTF_8));
            }
        } catch (RuntimeException failure) {
            opened.fire(new FieldsOpened(subjectId, meta.table, rows, List.of(field), access, false));
            throw failure;
        }
        opened.fire(new FieldsOpened(subjectId, meta.table, rows, List.of(field), access, true));
        return clear;
    }

    /** Seals a value that is not an entity field (a token's original, say) at an address of its own. */
    public byte[] seal(String subjectId, FieldAddress address, String value) {
        byte[] sealed = FieldCipher.seal(keys.forSealing(subjectId), address, value.getBytes(StandardCharsets.UTF_8));
        usage.sealed(subjectId, 1);
        return sealed;
    }

    /** Opens such a value, recorded with the access. */
    public String open(String subjectId, FieldAddress address, byte[] ciphertext, Access access) {
        String clear;
        try {
            clear = new String(FieldCipher.open(keys.forOpening(subjectId), address, ciphertext), StandardCharsets.UTF_8);
        } catch (RuntimeException failure) {
            opened.fire(new FieldsOpened(subjectId, address.table(), address.rowId(), List.of(address.column()), access, false));
            throw failure;
        }
        opened.fire(new FieldsOpened(subjectId, address.table(), address.rowId(), List.of(address.column()), access, true));
        return clear;
    }
}
