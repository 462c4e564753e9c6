package org.consentry.escalation.boundary;

import jakarta.validation.constraints.Size;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.consentry.escalation.control.EventStreamLimit;
import org.consentry.platform.boundary.Success;
import org.consentry.platform.control.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("escalations/events")
@RequestScoped
@Tag(name = "escalations")
public class EscalationEventsResource {

    @Inject
    QueueBroadcaster broadcaster;

    @Inject
    EventStreamLimit streams;

    @Inject
    Caller caller;

    @Context
    Sse sse;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({"agent", "admin"})
    @Operation(summary = "Server-sent events of the queue: escalation.waiting, .claimed, .message, .resolved",
            description = "No personal data. Each event's id orders them; reconnect with Last-Event-ID to receive "
                    + "what was missed (kept for a day). Changes made on any server reach clients of every server. "
                    + "An agent holds at most consentry.events.max-streams streams open at once (429 event-stream-limit "
                    + "with Retry-After beyond).")
    @Success(status = 200, value = "The event stream (text/event-stream), open until the agent closes it")
    public void subscribe(@Context SseEventSink sink, @HeaderParam("Last-Event-ID") @Size(max = 18) String lastEventId) {
        String agent = caller.name();
        streams.open(agent);
        try {
            broadcaster.register(sse, sink, lastEventId, () -> streams.closed(agent));
        } catch (RuntimeException failed) {
            streams.closed(agent);
            throw failed;
        }
    }
}
