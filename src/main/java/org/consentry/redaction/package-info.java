/** Finds personal data in chat text (emails, phones, cards, IBANs, PESEL, NIP, IP addresses) and replaces it by policy. */
package org.consentry.redaction;
