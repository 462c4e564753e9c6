package org.consentry.samplehost;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.consentry.client.ConsentException;
import org.consentry.client.ConsentRefusedException;

/** How this host answers a guarded call that did not run: 403 when refused, 503 when Consentry could not be asked. */
@Provider
public class ConsentAnswers implements ExceptionMapper<ConsentException> {

    @Override
    public Response toResponse(ConsentException e) {
        boolean refused = e instanceof ConsentRefusedException;
        return Response.status(refused ? 403 : 503).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add(refused ? "refused" : "unavailable", e.purpose()).build().toString()).build();
    }
}
