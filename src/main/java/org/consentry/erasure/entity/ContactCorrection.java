package org.consentry.erasure.entity;

/** The subject's corrected contact fields; a null field stays as it is. */
public record ContactCorrection(String name, String email, String phone) {

    public boolean isEmpty() {
        return name == null && email == null && phone == null;
    }
}
