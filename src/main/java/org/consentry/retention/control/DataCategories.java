package org.consentry.retention.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.consentry.platform.control.Settings;
import org.consentry.retention.entity.DataCategory;
import org.eclipse.microprofile.config.Config;

/** The configured data categories with their default retention, read once at start-up. */
@ApplicationScoped
public class DataCategories {

    @Inject
    Config config;

    private Map<String, DataCategory> byId;

    @PostConstruct
    void load() {
        byId = CategoryCatalog.parse(new Settings(key -> config.getOptionalValue(key, String.class)));
    }

    public Optional<DataCategory> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<DataCategory> all() {
        return byId.values();
    }
}
