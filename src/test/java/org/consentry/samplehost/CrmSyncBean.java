package org.consentry.samplehost;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.consentry.client.RequiresConsent;
import org.consentry.client.SubjectErased;
import org.consentry.client.SubjectId;

/** The helpdesk's own CRM sync: guarded by nothing but the two annotations of the client jar. */
@ApplicationScoped
public class CrmSyncBean {

    private final List<String> synced = new CopyOnWriteArrayList<>();

    @RequiresConsent("crm-sync")
    public void sync(@SubjectId String customer, String note) {
        synced.add(customer);
    }

    private volatile boolean storeDown;

    /** Consentry erased the customer: the helpdesk's own record of the sync goes (the client jar raises the event). */
    void erased(@Observes SubjectErased erased) {
        if (storeDown) {
            throw new IllegalStateException("the helpdesk's CRM store is down"); // no receipt: Consentry sends it again
        }
        synced.remove(erased.subjectId());
    }

    /** A test's switch: the helpdesk's own store fails (so its erasure observer does), or works again. */
    public void storeDown(boolean down) {
        storeDown = down;
    }

    public List<String> synced() {
        return List.copyOf(synced);
    }
}
