package org.consentry.redaction.control;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.consentry.redaction.entity.Finding;
import org.consentry.redaction.entity.PiiType;

/**
 * Finds personal data in text in one pass over its chars. Cheap triggers start a bounded local parse:
 * a digit, '+' or '(' a number span; '@' an email; ':' an IPv6 address; two letters and two digits an
 * IBAN. Only the candidates that fit a type's shape reach its check digits or validator. No regular
 * expression runs over the text, so the time is linear in its length whatever it holds.
 * Immutable and thread-safe; each call keeps its working memory to itself.
 */
public final class PiiScanner {

    private final Set<PiiType> enabled;
    private final PhoneNumbers phones;
    private final NumberDetector numbers;
    private final boolean email;
    private final boolean iban;
    private final boolean ipv6;

    /**
     * @param defaultRegion the ISO 3166 region whose national phone formats count (e.g. "PL")
     * @param enabled       the kinds to report
     */
    public PiiScanner(String defaultRegion, Set<PiiType> enabled) {
        Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(enabled, "enabled");
        this.enabled = enabled.isEmpty() ? EnumSet.noneOf(PiiType.class) : EnumSet.copyOf(enabled);
        this.phones = new PhoneNumbers(defaultRegion);
        this.numbers = new NumberDetector(this.enabled, phones);
        this.email = this.enabled.contains(PiiType.EMAIL);
        this.iban = this.enabled.contains(PiiType.IBAN);
        this.ipv6 = this.enabled.contains(PiiType.IPV6);
    }

    /** Every kind, Polish national phone formats. */
    public static PiiScanner standard() {
        return new PiiScanner("PL", EnumSet.allOf(PiiType.class));
    }

    public Set<PiiType> enabled() {
        return EnumSet.copyOf(enabled);
    }

    /** The findings in {@code text}: non-overlapping, ordered by start; empty for null. Never throws. */
    public List<Finding> scan(CharSequence text) {
        if (text == null) {
            return List.of();
        }
        String s = text.toString();
        int n = s.length();
        Candidates out = new Candidates();
        NumberWork work = null;
        boolean anyNumber = numbers.anyEnabled();
        int ipv6Examined = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c <= '9' && anyNumber && (c >= '0' || c == '+' || c == '(') && NumberSpan.startsChunk(s, i)) {
                if (work == null) {
                    work = new NumberWork();
                }
                i = numbers.scan(s, i, out, work);
                continue;
            }
            int next = i + 1;
            if (c == '@') {
                next = email ? Math.max(next, EmailDetector.scan(s, i, out)) : next;
            } else if (c == ':') {
                if (ipv6 && i >= ipv6Examined) {
                    ipv6Examined = Ipv6Detector.scan(s, i, out);
                }
            } else if (iban && IbanDetector.triggers(s, i)) {
                next = Math.max(next, IbanDetector.scan(s, i, out));
            }
            i = next;
        }
        return out.resolve();
    }

    PhoneNumbers phones() {
        return phones;
    }
}
