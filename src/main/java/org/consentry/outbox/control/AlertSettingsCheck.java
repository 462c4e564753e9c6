package org.consentry.outbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.consentry.platform.control.Settings;
import org.consentry.platform.control.SettingsCheck;

/** The alert webhook (consentry.alerts.webhook.*) is checked at start, not at the first alert. */
@ApplicationScoped
public class AlertSettingsCheck implements SettingsCheck {

    @Override
    public void check(Settings settings, boolean production) {
        try {
            AlertWebhook.read(settings::optional, production);
        } catch (IllegalStateException e) {
            settings.problem(e.getMessage());
        }
    }
}
