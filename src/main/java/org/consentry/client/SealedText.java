package org.consentry.client;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * The last check before a {@link Personal} value reaches the host's table: only sealed text is written. A
 * clear value here means the entity's listener did not run (the entity lacks
 * {@code @EntityListeners(PersonalFields.class)}): the write fails rather than store it.
 */
@Converter
public class SealedText implements AttributeConverter<String, String> {

    @Override
    public String convertToDatabaseColumn(String value) {
        if (value != null && !FieldSeal.isSealed(value)) {
            throw new IllegalStateException("A @Personal value reached the database unsealed: the entity needs"
                    + " @EntityListeners(org.consentry.client.PersonalFields.class)");
        }
        return value;
    }

    @Override
    public String convertToEntityAttribute(String column) {
        return column;
    }
}
