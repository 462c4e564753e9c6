package org.consentry.samplehost;

import jakarta.json.Json;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.consentry.client.ConsentException;
import org.consentry.client.ConsentRefusedException;

/**
 * How this host answers a call that did not run for want of Consentry's answer: 403 when refused, 503 when
 * Consentry could not be asked. From an entity listener the exception may arrive wrapped by JPA or the
 * transaction; anything else is the host's own 500.
 */
public final class ConsentAnswers {

    private ConsentAnswers() {
    }

    static Response answer(RuntimeException failure) {
        ConsentException e = ConsentException.in(failure).orElse(null);
        if (e == null) {
            return Response.serverError().build();
        }
        boolean refused = e instanceof ConsentRefusedException;
        return Response.status(refused ? 403 : 503).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add(refused ? "refused" : "unavailable", e.purpose()).build().toString()).build();
    }

    @Provider
    public static class Direct implements ExceptionMapper<ConsentException> {
        @Override
        public Response toResponse(ConsentException e) {
            return answer(e);
        }
    }

    @Provider
    public static class FromJpa implements ExceptionMapper<PersistenceException> {
        @Override
        public Response toResponse(PersistenceException e) {
            return answer(e);
        }
    }

    @Provider
    public static class FromTransaction implements ExceptionMapper<TransactionalException> {
        @Override
        public Response toResponse(TransactionalException e) {
            return answer(e);
        }
    }
}
