package org.consentry.crmsync.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.consentry.crmsync.control.CrmConnector;
import org.consentry.crmsync.control.CrmRecords;
import org.consentry.crmsync.control.CrmSettings;
import org.consentry.crmsync.entity.CrmRecord;
import org.consentry.outbox.control.DeliveryHandler;
import org.consentry.outbox.control.DeliveryResult;
import org.consentry.outbox.entity.OutboxEntry;

/** Sends the CRM's outbox entries through the configured connector; the record is built when it is sent. */
@ApplicationScoped
public class CrmDeliveries implements DeliveryHandler {

    @Inject
    CrmRecords records;

    @Inject
    CrmSettings settings;

    @Inject
    @Any
    Instance<CrmConnector> connectors;

    @Inject
    CrmDeliveries self;

    @Override
    public boolean handles(String kind) {
        return kind.startsWith("crm.");
    }

    @Override
    public DeliveryResult deliver(OutboxEntry entry) {
        Optional<CrmRecord> record = self.build(entry);
        if (record.isEmpty()) {
            return new DeliveryResult.Obsolete("its record no longer exists (erased)");
        }
        return connectors.stream().filter(c -> c.name().equals(settings.connector())).findFirst()
                .map(c -> c.send(record.get()))
                .orElse(new DeliveryResult.Rejected("no connector " + settings.connector()));
    }

    @Transactional
    public Optional<CrmRecord> build(OutboxEntry entry) {
        return records.build(entry);
    }
}
