package org.consentry.testing;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The RateLimit and RateLimit-Policy fields of a response (draft-ietf-httpapi-ratelimit-headers-09),
 * read strictly: exactly one item of the expected policy, integer parameters in the draft's order.
 */
public record RateLimitSeen(long quota, long window, long remaining, long reset) {

    public static RateLimitSeen of(Api.Reply reply, String policy) {
        String stated = reply.header("RateLimit-Policy");
        String left = reply.header("RateLimit");
        Matcher q = Pattern.compile("\"" + policy + "\";q=(\\d+);w=(\\d+)").matcher(String.valueOf(stated));
        Matcher r = Pattern.compile("\"" + policy + "\";r=(\\d+);t=(\\d+)").matcher(String.valueOf(left));
        if (!q.matches() || !r.matches()) {
            throw new AssertionError("RateLimit-Policy: " + stated + ", RateLimit: " + left + " on " + reply.status()
                    + " " + reply.text());
        }
        return new RateLimitSeen(Long.parseLong(q.group(1)), Long.parseLong(q.group(2)), Long.parseLong(r.group(1)),
                Long.parseLong(r.group(2)));
    }

    /** Seconds until a bucket of {@code quota} per {@code window} s with {@code remaining} left is full: rounded up. */
    public static long untilFull(long quota, long window, long remaining) {
        return ((quota - remaining) * window + quota - 1) / quota;
    }
}
