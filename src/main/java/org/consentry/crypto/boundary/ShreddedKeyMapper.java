package org.consentry.crypto.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.consentry.crypto.control.ShreddedKeyException;
import org.consentry.platform.boundary.ProblemResponses;

/** A read that met a destroyed subject key (an erasure ran meanwhile) is a 410 problem, not a 500. */
@Provider
public class ShreddedKeyMapper implements ExceptionMapper<ShreddedKeyException> {

    @Override
    public Response toResponse(ShreddedKeyException shredded) {
        return ProblemResponses.of(ShreddedKeyException.SUBJECT_ERASED, "The subject's data was erased while this request "
                + "read it: what was sealed under its key cannot be opened any more. Repeat the request to see what is left.");
    }
}
