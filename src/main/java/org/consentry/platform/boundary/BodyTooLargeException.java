package org.consentry.platform.boundary;

import java.io.IOException;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.Problems;

/** Thrown while reading a body that grows past the limit; an IOException so that readers pass it on. */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;
    private final long limit;

    public BodyTooLargeException(long limit) {
        super("request body over " + limit + " bytes");
        this.limit = limit;
    }

    public ProblemException problem() {
        return new ProblemException(Problems.BODY_TOO_LARGE,
                "The request body is larger than the limit of " + limit + " bytes.").with("limit", limit);
    }
}
