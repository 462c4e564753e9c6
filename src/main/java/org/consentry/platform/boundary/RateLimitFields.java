package org.consentry.platform.boundary;

import org.consentry.platform.control.RateLimitStatus;

/**
 * The RateLimit and RateLimit-Policy header fields of draft-ietf-httpapi-ratelimit-headers-09, as
 * structured fields (RFC 8941 lists of items: the policy's name a string, its parameters integers):
 * {@code RateLimit-Policy: "handoff";q=1200;w=60} (quota per window in seconds) and
 * {@code RateLimit: "handoff";r=1187;t=7} (remaining, seconds until the quota is full again).
 * <p>
 * Why these and not X-RateLimit-Limit/-Remaining/-Reset: the draft is a specified, standards-track
 * syntax with named policies, so a client parses every field one way and can tell the handoff quota
 * from the reveal quota; the X- fields have no specification and vendors disagree on what Reset means
 * (seconds to wait, or an epoch time). We follow draft 09; when it becomes an RFC, only this class
 * should need to change.
 */
public final class RateLimitFields {

    public static final String POLICY = "RateLimit-Policy";
    public static final String REMAINING = "RateLimit";
    public static final String DRAFT = "draft-ietf-httpapi-ratelimit-headers-09";

    /** RFC 8941 section 3.3.1: an sf-integer has at most 15 digits. */
    static final long MAX_INTEGER = 999_999_999_999_999L;

    private RateLimitFields() {
    }

    public static String policy(RateLimitStatus.Reported reported) {
        return string(reported.policy()) + ";q=" + integer(reported.quota()) + ";w=" + integer(reported.windowSeconds());
    }

    public static String remaining(RateLimitStatus.Reported reported) {
        return string(reported.policy()) + ";r=" + integer(reported.remaining()) + ";t=" + integer(reported.resetSeconds());
    }

    /** An sf-string (RFC 8941 section 4.1.6): printable ASCII, with " and \ escaped. */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c > 0x7e) {
                throw new IllegalArgumentException("not a structured-field string: " + value);
            }
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** An sf-integer, non-negative here; a value past its range is capped (no quota or window comes near). */
    static String integer(long value) {
        return Long.toString(Math.min(MAX_INTEGER, Math.max(0, value)));
    }
}
