package org.consentry.consent.entity;

/** GDPR Art. 6(1): the ground a purpose rests on. Only CONSENT needs a consent record. */
public enum LawfulBasis {
    CONSENT("Art. 6(1)(a)"),
    CONTRACT("Art. 6(1)(b)"),
    LEGAL_OBLIGATION("Art. 6(1)(c)"),
    VITAL_INTERESTS("Art. 6(1)(d)"),
    PUBLIC_TASK("Art. 6(1)(e)"),
    LEGITIMATE_INTERESTS("Art. 6(1)(f)");

    private final String article;

    LawfulBasis(String article) {
        this.article = article;
    }

    public String article() {
        return "GDPR " + article;
    }
}
