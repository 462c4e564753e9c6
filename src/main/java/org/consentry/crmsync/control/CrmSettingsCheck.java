package org.consentry.crmsync.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.consentry.platform.control.Settings;
import org.consentry.platform.control.SettingsCheck;

/** A configured CRM needs its secret at start, not at the first delivery; production never speaks plain HTTP to it. */
@ApplicationScoped
public class CrmSettingsCheck implements SettingsCheck {

    @Override
    public void check(Settings settings, boolean production) {
        if (settings.optional("consentry.crm.url").isPresent() && settings.optional("consentry.crm.secret").isEmpty()) {
            settings.problem("consentry.crm.secret: not set while consentry.crm.url names a CRM");
        }
        if (production && settings.optional("consentry.crm.allow-http").filter(Boolean::parseBoolean).isPresent()) {
            settings.problem("consentry.crm.allow-http: true lets CRM data travel over plain HTTP");
        }
    }
}
