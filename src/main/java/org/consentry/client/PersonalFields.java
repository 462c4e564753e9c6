package org.consentry.client;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The entity listener of a host entity with {@link Personal} fields: before a row is inserted or updated
 * its personal values are sealed under the subject's key (the write fails if Consentry cannot give one,
 * or refuses the purpose); once written or loaded, the entity holds the clear values again. A subject
 * erased in Consentry, or one for whom the purpose's basis no longer holds, loads with those fields null:
 * the row itself keeps its ciphertext, unreadable. The values opened in place are set past the provider's
 * change tracking, so a read writes nothing: this needs EclipseLink's woven change tracking (PersonalShape
 * checks it), because a provider that finds changes by comparing with the loaded state would take the
 * opened values for changes and convert them before @PreUpdate could seal them. Between {@code persist} and the flush that writes the
 * row, the fields hold sealed text (JPA raises no event later than @PrePersist before an insert): flush, or
 * read them after the transaction.
 */
public class PersonalFields {

    private HostKeyRing keys;

    @PrePersist
    @PreUpdate
    void seal(Object entity) {
        PersonalShape shape = PersonalShape.of(entity.getClass());
        String subject = shape.subjectOf(entity);
        for (Map.Entry<String, List<PersonalShape.Slot>> purpose : shape.byPurpose.entrySet()) {
            SubjectFieldKey key = null;
            for (PersonalShape.Slot slot : purpose.getValue()) {
                String value = shape.value(slot, entity);
                if (value == null) {
                    continue;
                }
                key = key != null ? key : keys().forSealing(subject, purpose.getKey(), shape.named.get(purpose.getKey()),
                        entity.getClass().getSimpleName());
                shape.write(slot, entity, key.seal(shape.address(slot, entity), value));
            }
        }
    }

    @PostPersist
    @PostUpdate
    @PostLoad
    void open(Object entity) {
        PersonalShape shape = PersonalShape.of(entity.getClass());
        String subject = null;
        for (Map.Entry<String, List<PersonalShape.Slot>> purpose : shape.byPurpose.entrySet()) {
            Optional<SubjectFieldKey> key = null;
            for (PersonalShape.Slot slot : purpose.getValue()) {
                String value = shape.value(slot, entity);
                if (value == null || !FieldSeal.isSealed(value)) {
                    continue; // nothing stored, or a value written before the field was @Personal: shown as it is
                }
                subject = subject != null ? subject : shape.subjectOf(entity);
                key = key != null ? key : keys().forOpening(subject, purpose.getKey(), shape.named.get(purpose.getKey()));
                shape.show(slot, entity, key.isPresent() ? key.get().open(shape.address(slot, entity), value) : null);
            }
        }
    }

    private HostKeyRing keys() {
        if (keys == null) {
            keys = CDI.current().select(HostKeyRing.class).get(); // a JPA listener is not always a CDI bean
        }
        return keys;
    }
}
