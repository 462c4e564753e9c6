package org.consentry.crypto.control;

import jakarta.enterprise.context.ApplicationScoped;
import org.consentry.platform.control.Settings;
import org.consentry.platform.control.SettingsCheck;

/** Production never generates its own key-encryption keystore. */
@ApplicationScoped
public class KeySettingsCheck implements SettingsCheck {

    @Override
    public void check(Settings settings, boolean production) {
        if (production && settings.optional("consentry.kek.dev-generate").filter(Boolean::parseBoolean).isPresent()) {
            settings.problem("consentry.kek.dev-generate: true generates a development keystore");
        }
    }
}
