package org.consentry.consent.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.consentry.consent.entity.Purpose;
import org.consentry.platform.control.ProblemException;
import org.consentry.platform.control.ProblemType;
import org.consentry.platform.control.Settings;
import org.eclipse.microprofile.config.Config;

/** The configured purposes, read once at start-up; an invalid configuration stops the deployment. */
@ApplicationScoped
public class Purposes {

    public static final ProblemType UNKNOWN_PURPOSE = new ProblemType("unknown-purpose", 404, "Unknown purpose");

    @Inject
    Config config;

    private Map<String, Purpose> byId;

    @PostConstruct
    void load() {
        byId = PurposeCatalog.parse(new Settings(key -> config.getOptionalValue(key, String.class)));
    }

    public Optional<Purpose> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The purpose, or a 404 problem naming it. */
    public Purpose get(String id) {
        return find(id).orElseThrow(() -> new ProblemException(UNKNOWN_PURPOSE,
                "No purpose '" + id + "' is configured; see GET /api/v1/privacy-notice for the purposes.")
                .with("purpose", id));
    }

    public Collection<Purpose> all() {
        return byId.values();
    }
}
