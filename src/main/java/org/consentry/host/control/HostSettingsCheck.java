package org.consentry.host.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.consentry.platform.control.Settings;
import org.consentry.platform.control.SettingsCheck;

/** The hosts (consentry.hosts) are checked at start, not at their first notice: ids, URLs (https in production), secrets. */
@ApplicationScoped
public class HostSettingsCheck implements SettingsCheck {

    @Override
    public void check(Settings settings, boolean production) {
        try {
            HostSettings.read(settings::optional, production);
        } catch (IllegalStateException | IllegalArgumentException e) {
            settings.problem(e.getMessage());
        }
    }
}
