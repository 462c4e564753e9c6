package org.consentry.crmsync.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import org.consentry.platform.control.Settings;
import org.consentry.platform.control.SettingsCheck;

/**
 * Every configured CRM recipient is checked at start, not at its first delivery: a known connector
 * type, its URL (https in production), its secret and the connector's own keys ({@link Recipients}).
 */
@ApplicationScoped
public class CrmSettingsCheck implements SettingsCheck {

    @Inject
    @Any
    Instance<CrmConnector> connectors;

    private final List<CrmConnector> given;

    public CrmSettingsCheck() {
        this.given = null;
    }

    /** Outside a container (the start-up tests): the connectors to check against. */
    public CrmSettingsCheck(List<CrmConnector> connectors) {
        this.given = List.copyOf(connectors);
    }

    @Override
    public void check(Settings settings, boolean production) {
        if (production && settings.optional("consentry.crm.allow-http").filter(Boolean::parseBoolean).isPresent()) {
            settings.problem("consentry.crm.allow-http: true lets CRM data travel over plain HTTP");
        }
        Recipients.parse(settings, settings::optional, production, given != null ? given : connectors.stream().toList());
    }
}
