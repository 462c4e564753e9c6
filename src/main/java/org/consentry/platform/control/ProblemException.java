package org.consentry.platform.control;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Thrown by any component to end a request with a problem response. The detail and the extension
 * members go to the client: they must never carry personal data, only ids, names and limits.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ProblemType type;
    private final transient Map<String, Object> members = new LinkedHashMap<>();

    public ProblemException(ProblemType type, String detail) {
        super(detail, null, false, false);
        this.type = type;
    }

    /** Adds an extension member (RFC 9457 section 3.2), e.g. {@code purpose} or {@code field}. */
    public ProblemException with(String member, Object value) {
        members.put(member, value);
        return this;
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
