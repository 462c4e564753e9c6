package org.consentry.escalation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;

/** The bot platforms' adapters deployed, by type. */
@ApplicationScoped
public class BotPlatforms {

    @Inject
    @Any
    Instance<BotPlatform> platforms;

    public Optional<BotPlatform> of(String type) {
        return platforms.stream().filter(p -> p.type().equals(type)).findFirst();
    }
}
