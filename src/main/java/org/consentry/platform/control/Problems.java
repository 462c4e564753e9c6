package org.consentry.platform.control;

/** Problem types shared by every component; components declare their own beside their code. */
public final class Problems {

    public static final ProblemType VALIDATION = new ProblemType("validation-failed", 400, "The request is not valid");
    public static final ProblemType MALFORMED_BODY = new ProblemType("malformed-body", 400, "The request body cannot be read");
    public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", 401, "Authentication required");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "Not allowed for your role");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found");
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", 405, "Method not allowed");
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", 406, "No acceptable representation");
    public static final ProblemType CONFLICT = new ProblemType("conflict", 409, "Conflicting concurrent change");
    public static final ProblemType BODY_TOO_LARGE = new ProblemType("body-too-large", 413, "Request body too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", 415, "Unsupported content type");
    public static final ProblemType INTERNAL = new ProblemType("internal-error", 500, "Internal error");
    public static final ProblemType UNAVAILABLE = new ProblemType("unavailable", 503, "Temporarily unavailable");
    /** Locks held by other work outlasted the server's own retries: the same request will succeed shortly. */
    public static final ProblemType BUSY = new ProblemType("database-busy", 503, "The database is busy");

    private Problems() {
    }

    /** The generic type for an HTTP status that no more specific type describes. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> VALIDATION;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> BODY_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : new ProblemType("http-" + status, status, "HTTP " + status);
        };
    }
}
