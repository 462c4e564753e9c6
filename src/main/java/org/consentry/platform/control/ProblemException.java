package org.consentry.platform.control;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Thrown by any component to end a request with a problem response. The detail and the extension
 * members go to the client: they must never carry personal data, only ids, names and limits.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ProblemType type;
    private final transient Map<String, Object> members = new LinkedHashMap<>();
    private transient Duration retryAfter;

    public ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    /** Adds an extension member (RFC 9457 section 3.2), e.g. {@code purpose} or {@code field}. */
    public ProblemException with(String member, Object value) {
        members.put(member, value);
        return this;
    }

    /** When the client may send the request again (a Retry-After header, RFC 9110 section 10.2.3). */
    public ProblemException retryAfter(Duration after) {
        this.retryAfter = after;
        return this;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** A wait as Retry-After states it: whole seconds, rounded up, at least 1 (never "now" while refused). */
    public static long wholeSeconds(Duration wait) {
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> members() {
        return Collections.unmodifiableMap(members);
    }
}
