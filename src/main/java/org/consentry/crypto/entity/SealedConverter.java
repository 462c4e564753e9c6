package org.consentry.crypto.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Writes only ciphertext: a personal value that reaches the database unsealed stops the write (fail
 * closed) instead of storing clear text or nothing. New entities are sealed by SealingListener at
 * persist; changed values of stored entities are sealed when they are set, through
 * {@code FieldSealer.replace}, because EclipseLink converts changed values before it raises @PreUpdate
 * (SealingIT.anUpdateIsSealedAgain showed a @PreUpdate seal arriving too late).
 */
@Converter(autoApply = true)
public class SealedConverter implements AttributeConverter<Sealed, byte[]> {

    @Override
    public byte[] convertToDatabaseColumn(Sealed value) {
        if (value == null) {
            return null;
        }
        if (value.isPending()) {
            throw new IllegalStateException("A personal field reached the database unsealed: persist new entities "
                    + "(SealingListener seals them) and change stored ones through FieldSealer.replace");
        }
        return value.ciphertext();
    }

    @Override
    public Sealed convertToEntityAttribute(byte[] column) {
        return Sealed.stored(column);
    }
}
