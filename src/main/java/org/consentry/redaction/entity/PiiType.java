package org.consentry.redaction.entity;

/** The kinds of personal data the scanner recognises in chat text. */
public enum PiiType {
    EMAIL, PHONE, CARD, IBAN, PESEL, NIP, IPV4, IPV6
}
