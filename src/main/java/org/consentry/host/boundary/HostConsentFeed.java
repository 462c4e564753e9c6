package org.consentry.host.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.consentry.consent.control.ConsentChanged;
import org.consentry.host.control.HostNotices;
import org.consentry.host.control.HostSettings;
import org.consentry.outbox.control.Outbox;

/**
 * Every consent change is promised to every host in the transaction that made it (the change and the
 * notice commit together), one outbox lane per host: a host that is down delays no other, and what it
 * missed reaches it when it is back. Until then its client's cache entries expire on their own.
 */
@ApplicationScoped
public class HostConsentFeed {

    @Inject
    HostSettings settings;

    @Inject
    Outbox outbox;

    void changed(@Observes ConsentChanged change) {
        for (HostSettings.Host host : settings.hosts().values()) {
            outbox.enqueueTo(host.lane(), HostNotices.KIND, change.subjectId(), change.purpose() + ":" + change.change().name(),
                    host.id(), null);
        }
    }
}
