package org.consentry.crypto.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.consentry.crypto.control.KeyUnavailableException;
import org.consentry.platform.boundary.ProblemResponses;
import org.consentry.platform.control.ProblemType;

/**
 * A key that the data needs is not available to this server (a retired KEK version, one missing from the
 * keystore, a data key that does not unwrap): the data stays closed, the caller gets a problem that says
 * so, and the operator a log line naming the key (never the data).
 */
@Provider
public class KeyUnavailableMapper implements ExceptionMapper<KeyUnavailableException> {

    public static final ProblemType KEY_UNAVAILABLE = new ProblemType("key-unavailable", 500,
            "A key the data needs is not available");

    private static final Logger LOG = Logger.getLogger(KeyUnavailableMapper.class.getName());

    @Override
    public Response toResponse(KeyUnavailableException unavailable) {
        LOG.warning(() -> "Data not opened: " + unavailable.getMessage());
        return ProblemResponses.of(KEY_UNAVAILABLE, "The data was not opened: a key it is sealed under is not available "
                + "to this server. An operator must check the keystore and the KEK versions (GET /api/v1/keys/usage).");
    }
}
