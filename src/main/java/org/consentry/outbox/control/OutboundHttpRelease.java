package org.consentry.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;

/**
 * When the application stops, lets go of the outbound HttpClient ({@link VendorHttp#release}), so that
 * nothing of a stopped application stays in memory: a redeployment leaves no thread behind that keeps
 * the old classes.
 */
@ApplicationScoped
public class OutboundHttpRelease {

    void stopping(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        VendorHttp.release();
    }
}
