package org.consentry.crmsync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.consentry.crmsync.control.CrmRecords;
import org.consentry.crmsync.control.Recipients;
import org.consentry.erasure.control.ErasureCompleted;
import org.consentry.outbox.control.Outbox;

/** An event bus hears when an erasure completed (it heard the request as every recipient does). */
@ApplicationScoped
public class CrmErasuresCompleted {

    @Inject
    Recipients recipients;

    @Inject
    Outbox outbox;

    void completed(@Observes ErasureCompleted completed) {
        recipients.all().stream().filter(to -> recipients.connector(to).isEventBus()).forEach(to ->
                outbox.enqueueTo(to.id(), CrmRecords.ERASURE_COMPLETED, null, completed.requestId(), to.target(), null));
    }
}
