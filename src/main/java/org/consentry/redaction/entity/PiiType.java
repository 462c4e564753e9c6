package org.consentry.redaction.entity;

/**
 * The kinds of personal data the scanner recognises in chat text. {@code REGON} is the Polish business
 * register number (a sole trader's identifies a person); {@code EU_VAT} a NIP written as an EU VAT number,
 * with its country code ({@code PL5260250274}). New kinds are appended: stored masks name them.
 */
public enum PiiType {
    EMAIL, PHONE, CARD, IBAN, PESEL, NIP, IPV4, IPV6, REGON, EU_VAT
}
