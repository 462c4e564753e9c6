package org.consentry.redaction.control;

import static org.consentry.redaction.control.NumberShapes.accountGrouping;
import static org.consentry.redaction.control.NumberShapes.cardGrouping;
import static org.consentry.redaction.control.NumberShapes.isAccountNumber;
import static org.consentry.redaction.control.NumberShapes.isIpv4;
import static org.consentry.redaction.control.NumberShapes.nipGrouping;
import static org.consentry.redaction.control.NumberSpan.DASH;
import static org.consentry.redaction.control.NumberSpan.DOT;
import static org.consentry.redaction.control.NumberSpan.LONG;
import static org.consentry.redaction.control.NumberSpan.MAX_DIGITS;
import static org.consentry.redaction.control.NumberSpan.PAREN;
import static org.consentry.redaction.control.NumberSpan.PLUS;
import static org.consentry.redaction.control.NumberSpan.TINY;
import static org.consentry.redaction.control.NumberSpan.ZERO_ZERO;

import java.util.Set;
import org.consentry.redaction.entity.PiiType;

/**
 * Finds the numeric identifiers of a {@link NumberSpan}: card numbers, Polish account numbers (NRB),
 * PESEL, NIP (also as an EU VAT number), REGON, phone numbers and IPv4 addresses. Each run of whole chunks of at most 26 digits is a
 * candidate; its shape (digit count, grouping, separators) must fit a type before that type's check
 * digits or validator run ({@link NumberShapes}). The work per chunk is bounded, so a span is handled in
 * linear time.
 */
final class NumberDetector {

    private static final int MAX_PHONE_DIGITS = 15;
    private static final int MIN_PHONE_DIGITS = 7;

    private final boolean card;
    private final boolean account;
    private final boolean pesel;
    private final boolean nip;
    private final boolean phone;
    private final boolean ipv4;
    private final boolean regon;
    private final boolean vat;
    private final PhoneNumbers phones;

    NumberDetector(Set<PiiType> enabled, PhoneNumbers phones) {
        this.card = enabled.contains(PiiType.CARD);
        this.account = enabled.contains(PiiType.IBAN);
        this.pesel = enabled.contains(PiiType.PESEL);
        this.nip = enabled.contains(PiiType.NIP);
        this.phone = enabled.contains(PiiType.PHONE);
        this.ipv4 = enabled.contains(PiiType.IPV4);
        this.regon = enabled.contains(PiiType.REGON);
        this.vat = enabled.contains(PiiType.EU_VAT);
        this.phones = phones;
    }

    boolean anyEnabled() {
        return card || account || pesel || nip || phone || ipv4 || regon || vat;
    }

    /** Scans the span at {@code p}; returns its end. */
    int scan(String s, int p, Candidates out, NumberWork work) {
        NumberSpan span = work.span;
        int end = span.parse(s, p);
        boolean leftOk = Boundaries.leftOk(s, span.start[0]);
        // "PL5260250274", "PL 526-025-02-74": a NIP written as an EU VAT number, its country code before it
        int vatStart = vat && (span.flags[0] & (PLUS | PAREN)) == 0 ? NumberShapes.vatPrefixStart(s, span.start[0]) : -1;
        boolean rightOk = Boundaries.rightOk(s, end);
        for (int a = 0; a < span.count; a++) {
            if (a > 0 || leftOk) {
                candidatesFrom(s, span, a, rightOk, out, work);
            }
            if (a == 0 && vatStart >= 0) {
                vatNumberFrom(s, span, vatStart, rightOk, out, work);
            }
        }
        return end;
    }

    private void candidatesFrom(String s, NumberSpan span, int a, boolean rightOk, Candidates out, NumberWork work) {
        char[] d = work.digits;
        int count = 0;
        int flags = 0;
        boolean ipShaped = false;
        boolean international = (span.flags[a] & (PLUS | ZERO_ZERO)) != 0;
        int cardEnd = -1;
        int cardShapeEnd = -1;
        int phoneEnds = 0;
        // "REGON 123456785": the word says what the digits are; valid or not, they are no card or phone number
        boolean regonCued = regon && NumberShapes.regonCue(s, span.start[a]);
        for (int e = a; e < span.count; e++) {
            int f = span.flags[e];
            if ((f & LONG) != 0 || (e > a && (f & PLUS) != 0) || count + span.digits[e] > MAX_DIGITS) {
                break;
            }
            if (e == span.count - 1 && !rightOk) {
                break;
            }
            // "1 250 000", "1 1 1 1 ...": past the first chunk, a one-digit group ends every national shape
            if (e > a && !international && ((flags | f) & TINY) != 0) {
                break;
            }
            count = appendDigits(s, span, e, d, count);
            flags |= f;
            ipShaped |= (f & DOT) != 0 && span.groupCount[e] == 4;
            int g0 = span.firstGroup[a];
            int g1 = span.firstGroup[e] + span.groupCount[e];
            boolean plain = (flags & (PLUS | PAREN | DOT)) == 0;
            if (card && plain && count >= 13 && count <= 19 && cardGrouping(span.groups, g0, g1)
                    && CardNumbers.knownIssuer(d, count)) {
                // the longest card-shaped run decides: in "4078 5614 9708 1067 693" the 19 digits are
                // the number, and a valid 16-digit prefix does not make the first four groups a card
                cardShapeEnd = e;
                cardEnd = CardNumbers.isLuhnValid(d, count) ? e : -1;
            }
            if (account && plain && count == 26 && accountGrouping(span.groups, g0, g1) && isAccountNumber(d)) {
                out.add(PiiType.IBAN, span.start[a], span.end[e]);
            }
            if (pesel && plain && e == a && span.groupCount[a] == 1 && PeselNumbers.isPesel(d, count)) {
                out.add(PiiType.PESEL, span.start[a], span.end[e]);
            }
            if (nip && plain && count == 10 && nipGrouping(span.groups, g0, g1) && NipCheckDigit.isNip(d, count)) {
                out.add(PiiType.NIP, span.start[a], span.end[e]);
            }
            if (regon && plain && (count == 9 || count == 14) && RegonNumbers.isRegon(d, count)) {
                if (RegonNumbers.grouping(span.groups, g0, g1, count, regonCued)) {
                    out.add(PiiType.REGON, span.start[a], span.end[e]);
                }
            }
            if (ipv4 && e == a && (f & (PLUS | PAREN | DASH)) == 0 && span.groupCount[a] == 4
                    && isIpv4(s, span.start[a], span.end[a])) {
                out.add(PiiType.IPV4, span.start[a], span.end[a]);
            }
            if (phone && isPhoneShape(span, a, e, count, flags, ipShaped, international, d)) {
                work.phoneEnd[phoneEnds] = e;
                work.phoneDigits[phoneEnds++] = count;
            }
        }
        if (regonCued) {
            return;
        }
        if (cardEnd >= 0 && cardEnd == cardShapeEnd) {
            out.add(PiiType.CARD, span.start[a], span.end[cardEnd]);
        }
        // the longest valid phone number from this start: "+48 600 100 200 2" is "+48 600 100 200"
        for (int k = phoneEnds - 1; k >= 0; k--) {
            int digits = work.phoneDigits[k];
            boolean valid = international
                    ? PhoneNumbers.isValidInternational(d, (span.flags[a] & ZERO_ZERO) != 0 ? 2 : 0, digits)
                    : phones.isValidNational(d, digits);
            if (valid) {
                out.add(PiiType.PHONE, span.start[a], span.end[work.phoneEnd[k]]);
                return;
            }
        }
    }

    private boolean isPhoneShape(NumberSpan span, int a, int e, int count, int flags, boolean ipShaped,
                                 boolean international, char[] d) {
        if (international) {
            int afterPrefix = (span.flags[a] & ZERO_ZERO) != 0 ? count - 2 : count;
            return afterPrefix >= MIN_PHONE_DIGITS && afterPrefix <= MAX_PHONE_DIGITS;
        }
        // a parenthesised area code only at the start; no IPv4-shaped chunk ("83.12.145.67" is an address)
        if ((flags & PLUS) != 0 || ipShaped || (e > a && (span.flags[e] & PAREN) != 0)) {
            return false;
        }
        if (!phones.isNationalLength(d, count)) {
            return false;
        }
        int g0 = span.firstGroup[a];
        int g1 = span.firstGroup[e] + span.groupCount[e];
        for (int g = g0; g < g1 && g1 - g0 > 1; g++) {
            if (span.groups[g] < 2) {
                return false; // "1 250 000": an amount, not a phone number
            }
        }
        return true;
    }

    private void vatNumberFrom(String s, NumberSpan span, int vatStart, boolean rightOk, Candidates out, NumberWork work) {
        int count = 0;
        for (int e = 0; e < span.count && count < 10; e++) {
            if ((span.flags[e] & (LONG | PLUS | PAREN | DOT)) != 0 || count + span.digits[e] > 10
                    || (e == span.count - 1 && !rightOk)) {
                return;
            }
            count = appendDigits(s, span, e, work.digits, count);
            if (count == 10 && nipGrouping(span.groups, span.firstGroup[0], span.firstGroup[e] + span.groupCount[e])
                    && NipCheckDigit.isNip(work.digits, 10)) {
                out.add(PiiType.EU_VAT, vatStart, span.end[e]);
            }
        }
    }

    private static int appendDigits(String s, NumberSpan span, int chunk, char[] d, int count) {
        for (int p = span.start[chunk]; p < span.end[chunk]; p++) {
            char c = s.charAt(p);
            if (Boundaries.isDigit(c)) {
                d[count++] = c;
            }
        }
        return count;
    }
}
