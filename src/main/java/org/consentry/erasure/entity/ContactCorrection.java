package org.consentry.erasure.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** The subject's corrected contact fields; a null field stays as it is. */
public record ContactCorrection(String name, String email, String phone) {

    public boolean isEmpty() {
        return name == null && email == null && phone == null;
    }

    /** The corrected fields by name ({@code name}, {@code email}, {@code phone}), in that order. */
    public Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        if (name != null) {
            fields.put("name", name);
        }
        if (email != null) {
            fields.put("email", email);
        }
        if (phone != null) {
            fields.put("phone", phone);
        }
        return fields;
    }

    public List<String> names() {
        return List.copyOf(fields().keySet());
    }

    /** Calls {@code set} with each corrected field's name and new value. */
    public void forEach(BiConsumer<String, String> set) {
        fields().forEach(set);
    }
}
